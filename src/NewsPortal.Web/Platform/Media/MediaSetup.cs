using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using NewsPortal.Core.Media;
using NewsPortal.Core.Media.Library;
using NewsPortal.Core.Media.Video;

namespace NewsPortal.Web.Platform.Media;

/// <summary>Uploaded images: where they are stored and how /media/* serves them.</summary>
public static class MediaSetup
{
    /// <summary>Resized files never change (a new upload gets a new name), so browsers may keep them for a year.</summary>
    public const string CacheControl = "public, max-age=31536000, immutable";

    public static IServiceCollection AddMedia(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MediaOptions>()
            .Bind(configuration.GetSection(MediaOptions.Section))
            .PostConfigure<IWebHostEnvironment>((options, env) => options.Folder = Path.GetFullPath(Path.Combine(env.ContentRootPath, options.Folder)))
            .ValidateDataAnnotations()
            .Validate<IWebHostEnvironment>(
                (options, env) => env.WebRootPath is null || !IsInside(options.Folder, env.WebRootPath),
                "Media:Folder must not be inside the web root: uploads are data and are served from /media.")
            .ValidateOnStart();
        services.AddSingleton<MediaStore>();
        services.AddSingleton<VideoStore>();
        services.AddSingleton<IMediaMarkup, MediaMarkup>();
        services.AddScoped<MediaLibraryQueries>();
        services.AddScoped<MediaLibrary>();
        services.AddScoped<MediaDescriptions>();
        services.AddScoped<BodyMediaReader>();
        services.AddScoped<MediaSweep>();
        services.AddHostedService<MediaSweepService>();
        return services;
    }

    /// <summary>
    /// Serves the stored sizes at /media/{StorageName}-{width}.jpg (and .webp), videos and their captions, with
    /// long-lived cache headers; the static file server answers range requests (206), which video players use.
    /// </summary>
    public static WebApplication UseMedia(this WebApplication app)
    {
        var folder = app.Services.GetRequiredService<IOptions<MediaOptions>>().Value.Folder;
        Directory.CreateDirectory(folder);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(folder),
            RequestPath = MediaUrls.RequestPath,
            ServeUnknownFileTypes = false,
            ContentTypeProvider = new FileExtensionContentTypeProvider(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                [".jpg"] = "image/jpeg",
                [".webp"] = "image/webp",
                [".mp4"] = "video/mp4",
                [".webm"] = "video/webm",
                [".vtt"] = "text/vtt; charset=utf-8",
            }),
            OnPrepareResponse = context =>
            {
                context.Context.Response.Headers.CacheControl = CacheControl;
                context.Context.Response.Headers.XContentTypeOptions = "nosniff";
            },
        });
        return app;
    }

    private static bool IsInside(string folder, string root)
    {
        var relative = Path.GetRelativePath(Path.GetFullPath(root), Path.GetFullPath(folder));
        return relative == "." || (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative));
    }
}
