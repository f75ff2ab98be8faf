using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.OutputCaching.StackExchangeRedis;
using Microsoft.Extensions.Options;

namespace NewsPortal.Web.Platform.ScaleOut;

/// <summary>
/// What several instances behind a load balancer must share: with Redis configured, the output cache store
/// (so evicting on publish reaches every instance) and the data-protection key ring (so a staff cookie or an
/// antiforgery token from one instance is accepted by another). Also which proxies' forwarded headers count.
/// </summary>
public static class ScaleOutSetup
{
    /// <summary>The application name every instance protects its cookies and tokens under.</summary>
    public const string ApplicationName = "NewsPortal";

    public static IServiceCollection AddScaleOut(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddOptions<RedisOptions>().Bind(configuration.GetSection(RedisOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<KeyRingOptions>().Bind(configuration.GetSection(KeyRingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ProxyOptions>().Bind(configuration.GetSection(ProxyOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        var dataProtection = services.AddDataProtection().SetApplicationName(ApplicationName)
            .ProtectKeysWithConfiguredCertificate(configuration, environment);
        var redis = configuration.GetSection(RedisOptions.Section).Get<RedisOptions>() ?? new RedisOptions();
        var keys = configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        var keysFolder = new DirectoryInfo(Path.GetFullPath(Path.Combine(environment.ContentRootPath, keys.KeysFolder)));
        if (redis.Enabled)
        {
            services.AddSingleton<RedisConnection>();
            services.AddSingleton<RedisCircuit>();

            // Registered after AddOutputCache, so it replaces the in-memory store; then wrapped so that a Redis
            // that does not answer costs readers nothing.
            services.AddStackExchangeRedisOutputCache(_ => { });
            services.AddOptions<RedisOutputCacheOptions>().Configure<RedisConnection, IOptions<RedisOptions>>((cache, connection, settings) =>
            {
                cache.InstanceName = settings.Value.InstanceName;
                cache.ConnectionMultiplexerFactory = connection.ConnectAsync;
            });
            var redisStore = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
            services.Remove(redisStore);
            services.AddSingleton<IOutputCacheStore>(sp => new FailSoftOutputCacheStore(
                redisStore.ImplementationFactory is { } factory
                    ? (IOutputCacheStore)factory(sp)
                    : (IOutputCacheStore)ActivatorUtilities.CreateInstance(sp, redisStore.ImplementationType!),
                sp.GetRequiredService<RedisCircuit>(),
                sp.GetRequiredService<RedisConnection>()));

            services.AddOptions<KeyManagementOptions>().Configure<RedisConnection, RedisCircuit, IOptions<RedisOptions>, ILoggerFactory>((options, connection, circuit, settings, logs) =>
                options.XmlRepository = new MirroredKeyRing(
                    new RedisXmlRepository(() => connection.Database, settings.Value.InstanceName + "DataProtection-Keys"),
                    keysFolder, circuit, logs));
            services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis");
        }
        else
        {
            dataProtection.PersistKeysToFileSystem(keysFolder);
        }

        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxies) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in proxies.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }

            foreach (var network in proxies.Value.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }

            // Several proxies in a row (a load balancer before nginx) are unwound as far as they are trusted.
            forwarded.ForwardLimit = null;
        });

        return services;
    }

    /// <summary>
    /// Takes the client address and scheme from X-Forwarded-For/-Proto when, and only when, the request comes
    /// from a configured proxy. First in the pipeline, so everything after sees the client as it is.
    /// </summary>
    public static WebApplication UseForwardedHeadersFromProxies(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ProxyOptions>>().Value.Enabled)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }
}
