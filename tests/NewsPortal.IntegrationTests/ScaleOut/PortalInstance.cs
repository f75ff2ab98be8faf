using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Data;

namespace NewsPortal.IntegrationTests.ScaleOut;

/// <summary>
/// One web instance of the portal on Kestrel at 127.0.0.1 (a free port), on a database and a Redis it is
/// given, as one replica behind a load balancer would run. Real time, no test clock: every instance must
/// agree on it.
/// </summary>
public sealed class PortalInstance(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "newsportal-instances", Guid.NewGuid().ToString("N"));

    public string BaseUrl { get; private set; } = "";

    /// <summary>An instance on PostgreSQL, with Redis when <paramref name="redisPrefix"/> is given.</summary>
    public static PortalInstance OnPostgres(string connectionString, string? redisPrefix, params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = connectionString,
        };
        if (redisPrefix is not null)
        {
            settings["Redis:Configuration"] = Infrastructure.TestDatabases.RedisServer;
            settings["Redis:InstanceName"] = redisPrefix;
        }

        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return new PortalInstance(settings);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        builder.UseEnvironment("Testing");

        // Each instance keeps its own key folder, so only a shared key ring can make them agree.
        builder.UseSetting("DataProtection:KeysFolder", Path.Combine(_folder, "keys"));
        builder.UseSetting("Serilog:WriteTo:1:Args:path", Path.Combine(_folder, "logs", "portal-.log"));
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Starts Kestrel, which runs the app's start-up (migrations, roles, demo content) first.</summary>
    public void Start()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    /// <summary>A real HTTP client for this instance; clients sharing <paramref name="cookies"/> act as one browser.</summary>
    public HttpClient Client(CookieContainer cookies) =>
        new(new SocketsHttpHandler { CookieContainer = cookies, UseCookies = true, AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(BaseUrl + "/"),
        };

    public async Task<T> WithDbAsync<T>(Func<NewsDbContext, IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<NewsDbContext>(), scope.ServiceProvider);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Removed with the temp folder later.
        }
    }
}
