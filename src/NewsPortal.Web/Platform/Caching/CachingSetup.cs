using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;
using NewsPortal.Core.Data.Changes;
using NewsPortal.Web.Platform.Site;

namespace NewsPortal.Web.Platform.Caching;

public static class CachingSetup
{
    /// <summary>Output caching of reader pages, view counting, compression.</summary>
    public static IServiceCollection AddReaderCaching(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CachingOptions>().Bind(configuration.GetSection(CachingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOutputCache(options =>
        {
            options.AddBasePolicy(builder => builder.AddPolicy<ReaderPagesPolicy>());
            options.SizeLimit = 128L * 1024 * 1024;
        });
        services.AddSingleton<ReaderCache>();
        services.AddSingleton<ReaderData>();
        services.AddScoped<ContentAnnouncement>();
        services.AddSingleton<IContentChangeObserver, ReaderPageEviction>();
        services.AddHostedService<ContentVersionWatcher>();
        services.AddSingleton<SectionNavCache>();
        services.AddSingleton<SectionNames>();
        services.AddSingleton<IContentChangeObserver>(sp => sp.GetRequiredService<SectionNavCache>());
        services.AddSingleton<ViewCounter>();
        services.AddSingleton<DistinctReaderViews>();
        services.AddHostedService<ViewCountFlusher>();

        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(
                ["image/svg+xml", "application/rss+xml", "application/atom+xml", "application/ld+json", "text/csv"]);
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }

    /// <summary>Static files: fingerprinted (?v=) assets are immutable for a year, others revalidate hourly.</summary>
    public static IApplicationBuilder UseStaticAssets(this IApplicationBuilder app) =>
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = ctx =>
            {
                var headers = ctx.Context.Response.Headers;
                headers.CacheControl = ctx.Context.Request.Query.ContainsKey("v")
                    ? "public, max-age=31536000, immutable"
                    : "public, max-age=3600";
            },
        });

    /// <summary>View counting in front of the output cache, so cached pages are counted too.</summary>
    public static IApplicationBuilder UseReaderCaching(this IApplicationBuilder app)
    {
        app.UseMiddleware<ViewCountingMiddleware>();
        app.UseOutputCache();

        // Browsers may keep reader pages but must revalidate (cheap with the ETag), so an edit shows at once.
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                if (!headers.ContainsKey(HeaderNames.CacheControl))
                {
                    headers.CacheControl = context.User.Identity?.IsAuthenticated == true || context.Request.Path.StartsWithSegments("/staff", StringComparison.OrdinalIgnoreCase)
                        ? "no-store"
                        : "no-cache";
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
