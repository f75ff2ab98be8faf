using Microsoft.AspNetCore.OutputCaching;

namespace NewsPortal.Web.Platform.Caching;

/// <summary>
/// Tags carried by cached reader pages, so that a change evicts exactly the pages that show it:
/// every page is tagged with the articles it shows ("article:{id}") and the listing it is.
/// </summary>
public static class CacheTags
{
    public const string AllReaderPages = "reader";
    public const string Home = "home";
    public const string Feeds = "feeds";
    public const string Sitemaps = "sitemaps";
    public const string Search = "search";

    /// <summary>Carried by the indexes of authors, tags and topics, which count published articles.</summary>
    public const string Directories = "directories";

    public static string Article(int id) => $"article:{id}";

    public static string Section(int id) => $"section:{id}";

    public static string Tag(int id) => $"tag:{id}";

    public static string Author(int id) => $"author:{id}";

    public static string Topic(int id) => $"topic:{id}";

    /// <summary>Carried by the policy pages (privacy, terms, about, contact).</summary>
    public const string Policies = "policies";

    /// <summary>Adds tags to the page being rendered, if it is being cached.</summary>
    public static void TagPage(this HttpContext context, params IEnumerable<string> tags)
    {
        if (context.Features.Get<IOutputCacheFeature>()?.Context is { } cache)
        {
            foreach (var tag in tags)
            {
                cache.Tags.Add(tag);
            }
        }
    }

    public static void TagArticles(this HttpContext context, IEnumerable<int> articleIds) =>
        context.TagPage(articleIds.Select(Article));
}
