using Microsoft.Extensions.Options;
using NewsPortal.Core.Feeds;
using NewsPortal.Core.Topics;
using NewsPortal.Web.Features.Feeds;
using NewsPortal.Web.Platform.Caching;
using NewsPortal.Web.Platform.Site;

namespace NewsPortal.Web.Features.Topics;

/// <summary>Special topics: their editor, reader queries and the RSS and Atom feed of each topic.</summary>
public static class TopicsSetup
{
    public static IServiceCollection AddTopics(this IServiceCollection services)
    {
        services.AddScoped<TopicEditor>();
        services.AddScoped<TopicQueries>();
        return services;
    }

    public static IEndpointRouteBuilder MapTopicFeeds(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/topic/{slug}/rss.xml", [HttpMethods.Get, HttpMethods.Head], (string slug, HttpContext http, TopicQueries t, FeedQueries q, IOptions<FeedOptions> o, IOptions<SiteOptions> s, SiteUrls u) =>
            FeedAsync(http, t, q, o.Value, s.Value, u, slug, atom: false));
        app.MapMethods("/topic/{slug}/atom.xml", [HttpMethods.Get, HttpMethods.Head], (string slug, HttpContext http, TopicQueries t, FeedQueries q, IOptions<FeedOptions> o, IOptions<SiteOptions> s, SiteUrls u) =>
            FeedAsync(http, t, q, o.Value, s.Value, u, slug, atom: true));
        return app;
    }

    private static async Task<IResult> FeedAsync(
        HttpContext http, TopicQueries topics, FeedQueries queries, FeedOptions options, SiteOptions site, SiteUrls urls, string slug, bool atom)
    {
        var ct = http.RequestAborted;
        var topic = Core.Articles.Slug.IsValid(slug) ? await topics.SummaryAsync(slug, ct) : null;
        if (topic is null)
        {
            return Results.NotFound();
        }

        http.TagPage(CacheTags.Feeds, CacheTags.Topic(topic.Id));
        var entries = await queries.TopicLatestAsync(options.ItemCount, topic.Id, ct);
        var pagePath = $"/topic/{topic.Slug}";
        return FeedEndpoints.FeedResult(http, site, urls, $"{topic.Title} | {site.Name}", $"Special topic: {topic.Title}", pagePath,
            $"{pagePath}/{(atom ? "atom" : "rss")}.xml", entries, atom);
    }
}
