using Microsoft.Extensions.Options;
using NewsPortal.Core.Data.Changes;

namespace NewsPortal.Web.Platform.Site;

public static class SiteSettingsSetup
{
    /// <summary>
    /// The "Site" settings, validated at start-up, served through <see cref="SiteSettings"/> so that what
    /// administrators save wins over the configuration. Registered before the cache eviction, so the settings
    /// are read again before the pages that show them are evicted.
    /// </summary>
    public static IServiceCollection AddSiteSettings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SiteOptions>().Bind(configuration.GetSection(SiteOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SiteSettings>();
        services.AddSingleton<IOptions<SiteOptions>>(sp => sp.GetRequiredService<SiteSettings>());
        services.AddSingleton<IContentChangeObserver>(sp => sp.GetRequiredService<SiteSettings>());
        return services;
    }
}
