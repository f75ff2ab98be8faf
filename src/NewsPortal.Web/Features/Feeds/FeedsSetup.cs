using NewsPortal.Core.Feeds;
using NewsPortal.Web.Platform.Site;

namespace NewsPortal.Web.Features.Feeds;

public static class FeedsSetup
{
    /// <summary>Feeds, sitemaps, robots.txt, and the absolute URLs they and the page metadata use.</summary>
    public static IServiceCollection AddFeeds(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FeedOptions>().Bind(configuration.GetSection(FeedOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<FeedQueries>();
        services.AddSingleton<SiteUrls>();
        return services;
    }
}
