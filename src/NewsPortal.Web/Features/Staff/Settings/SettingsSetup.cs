using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsPortal.Core.FrontPage;
using NewsPortal.Core.Media;
using NewsPortal.Core.Site;
using NewsPortal.Web.Platform.Security;

namespace NewsPortal.Web.Features.Staff.Settings;

/// <summary>Running the site from the staff pages: site details, the front page, the first-run checklist.</summary>
public static class SettingsSetup
{
    public static IServiceCollection AddSiteAdministration(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<SiteDetailsEditor>();
        services.AddScoped<SetupChecklist>();
        services.AddScoped<FrontPageEditor>();

        // The logo upload: as for the article form, an image over the limit is refused with a message on the form.
        var maxUpload = (configuration.GetSection(MediaOptions.Section).Get<MediaOptions>() ?? new MediaOptions()).MaxUploadBytes;
        var formLimit = (maxUpload * 2) + (4 * 1024 * 1024);
        services.PostConfigure<RazorPagesOptions>(options =>
        {
            options.Conventions.AddPageApplicationModelConvention("/Staff/Settings/Index", model =>
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
