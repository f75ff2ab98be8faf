using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.WebEncoders;

namespace NewsPortal.Web.Platform.Localization;

public static class LocalizationSetup
{
    /// <summary>ASP.NET Core localization with the reader languages; the culture comes from the address alone.</summary>
    public static IServiceCollection AddReaderLanguages(this IServiceCollection services)
    {
        services.AddLocalization();
        services.AddSingleton<ResourceManagerStringLocalizerFactory>();
        services.AddSingleton<IStringLocalizerFactory, CachedResourceTextFactory>();

        // Chinese text is written into pages as characters, not as &#x...; references (which triple its size).
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = ReaderLanguage.All.Select(l => l.Culture).ToList();
            options.DefaultRequestCulture = new RequestCulture(ReaderLanguage.English.Culture);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.FallBackToParentUICultures = true;
            // Only the address decides (no query string, cookie or Accept-Language), so a cached page's language
            // is the language of its address.
            options.RequestCultureProviders =
            [
                new CustomRequestCultureProvider(context =>
                    Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(ReaderLanguage.Of(context).Code))),
            ];
        });
        return services;
    }

    /// <summary>Takes the language prefix off the address and sets the request's culture; first in the pipeline, so error pages follow it.</summary>
    public static IApplicationBuilder UseReaderLanguages(this IApplicationBuilder app) =>
        app.UseMiddleware<LanguagePrefixMiddleware>().UseRequestLocalization();

    /// <summary>Staff pages in the language each account chose: their form errors translated where they are shown.</summary>
    public static IServiceCollection AddStaffLanguages(this IServiceCollection services) =>
        services.Configure<MvcOptions>(options => options.Filters.Add<StaffMessagesFilter>());

    /// <summary>Sets a staff page's culture to the signed-in account's language; after authentication, which tells who it is.</summary>
    public static IApplicationBuilder UseStaffLanguages(this IApplicationBuilder app) =>
        app.UseMiddleware<StaffLanguageMiddleware>();
}
