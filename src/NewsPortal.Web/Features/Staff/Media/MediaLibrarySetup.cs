using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsPortal.Core.Media;
using NewsPortal.Web.Platform.Security;

namespace NewsPortal.Web.Features.Staff.Media;

/// <summary>The media library's pages: its upload form takes videos, so it lets larger requests through than other forms.</summary>
public static class MediaLibrarySetup
{
    public static IServiceCollection AddMediaLibraryPages(this IServiceCollection services, IConfiguration configuration)
    {
        var media = configuration.GetSection(MediaOptions.Section).Get<MediaOptions>() ?? new MediaOptions();

        // Up to twice the largest accepted file (video and its captions and poster), so that a file over the limit is
        // refused with a message on the form rather than by the server.
        var formLimit = (Math.Max(media.MaxUploadBytes, media.MaxVideoBytes) * 2) + (8 * 1024 * 1024);
        services.PostConfigure<RazorPagesOptions>(options =>
        {
            options.Conventions.AddPageApplicationModelConvention("/Staff/Media/Index", model =>
            {
                model.Filters.Add(new RequestSizeLimitAttribute(formLimit));
                model.Filters.Add(new RequestFormLimitsAttribute
                {
                    MultipartBodyLengthLimit = formLimit,
                    ValueLengthLimit = SecuritySetup.MaxFormValueLength,
                    ValueCountLimit = SecuritySetup.MaxFormValueCount,
                    KeyLengthLimit = SecuritySetup.MaxFormKeyLength,
                });
            });
        });
        return services;
    }
}
