using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsPortal.Core.Articles.Authors;
using NewsPortal.Core.Articles.Editing;
using NewsPortal.Core.Articles.Sections;
using NewsPortal.Core.Articles.Taxonomy;
using NewsPortal.Core.Articles.Import;
using NewsPortal.Core.Media;
using NewsPortal.Web.Features.Staff.Users;
using NewsPortal.Web.Platform.Media;
using NewsPortal.Web.Platform.Security;

namespace NewsPortal.Web.Features.Staff.Articles;

/// <summary>The newsroom: article editing and publishing, scheduled publishing, images, staff accounts.</summary>
public static class NewsroomSetup
{
    public static IServiceCollection AddNewsroom(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMedia(configuration);
        services.AddScoped<ArticleEditor>();
        services.AddScoped<PendingCovers>();
        services.AddScoped<SectionEditor>();
        services.AddScoped<AuthorEditor>();
        services.AddScoped<TagEditor>();
        services.AddScoped<NewsroomQueries>();
        services.AddScoped<ScheduledPublishing>();
        services.AddScoped<ArticleImporter>();
        services.AddScoped<ArticleExporter>();
        services.AddScoped<StaffDirectory>();
        services.AddHostedService<ScheduledPublisher>();
        services.AddHealthChecks().AddCheck<ScheduledPublishingHealthCheck>("scheduled-publishing");

        // The edit form carries the cover upload: let requests through up to twice the image limit so that
        // an image that is too large is refused with a message on the form, not by the server.
        var maxUpload = (configuration.GetSection(MediaOptions.Section).Get<MediaOptions>() ?? new MediaOptions()).MaxUploadBytes;
        var formLimit = (maxUpload * 2) + (4 * 1024 * 1024);
        // PostConfigure: AddRazorPages (registered later) replaces the convention collection when it configures.
        services.PostConfigure<RazorPagesOptions>(options =>
        {
            options.Conventions.AddPageApplicationModelConvention("/Staff/Articles/Edit", model =>
            {
                model.Filters.Add(new RequestSizeLimitAttribute(formLimit));
                // Only the body limit is raised: every other form limit stays as strict as everywhere else
                // (the attribute would otherwise put them back to the framework's defaults, 4 MB per value).
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

    public static WebApplication UseNewsroom(this WebApplication app) => app.UseMedia();
}
