using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using NewsPortal.Core.Consent;
using NewsPortal.Core.Data.Changes;

namespace NewsPortal.Web.Features.Consent;

public static class ConsentSetup
{
    public static IServiceCollection AddConsent(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConsentOptions>().Bind(configuration.GetSection(ConsentOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ConsentVersionCache>();
        services.AddSingleton<IContentChangeObserver>(sp => sp.GetRequiredService<ConsentVersionCache>());
        services.AddScoped<ConsentLedger>();
        services.AddScoped<ConsentRecorder>();

        // ASP.NET Core's cookie policy does the suppressing: a cookie not marked essential is dropped unless
        // the reader has accepted. Its own consent cookie is pointed at ours, so there is only one.
        services.AddOptions<CookiePolicyOptions>().Configure<IOptions<ConsentOptions>>((policy, consent) =>
        {
            policy.CheckConsentNeeded = context => ReaderConsent.Of(context).State != ConsentState.Accepted;
            policy.ConsentCookie.Name = consent.Value.CookieName;
            policy.MinimumSameSitePolicy = SameSiteMode.Lax;
            policy.Secure = CookieSecurePolicy.SameAsRequest;
        });

        // Cached reader pages: one copy per consent state (the banner differs, nothing else).
        services.Configure<OutputCacheOptions>(options => options.AddBasePolicy(new VaryByConsentPolicy()));

        // TempData carries the one-time notice after a staff form is saved: part of the service asked for.
        services.Configure<CookieTempDataProviderOptions>(options => options.Cookie.IsEssential = true);
        return services;
    }

    /// <summary>
    /// The cookie policy, then the consent middleware that feeds it: after authorization, and before the output
    /// cache, which varies cached pages by the state the middleware sets.
    /// </summary>
    public static IApplicationBuilder UseConsent(this IApplicationBuilder app) =>
        app.UseCookiePolicy().UseMiddleware<ConsentMiddleware>();
}
