using System.ComponentModel.DataAnnotations;

namespace NewsPortal.Web.Features.Feeds;

/// <summary>Feeds and sitemaps. Bound from the "Feeds" section; the defaults suit most sites.</summary>
public sealed class FeedOptions
{
    public const string Section = "Feeds";

    /// <summary>Articles in each RSS and Atom feed.</summary>
    [Range(1, 100)]
    public int ItemCount { get; set; } = 30;

    /// <summary>URLs per article sitemap (sitemaps.org allows 50,000); more articles make /sitemap.xml an index.</summary>
    [Range(10, 50_000)]
    public int SitemapPageSize { get; set; } = 50_000;

    /// <summary>How far back the news sitemap reaches (news sitemaps cover the last two days).</summary>
    [Range(1, 48)]
    public int NewsSitemapHours { get; set; } = 48;

    /// <summary>The news sitemap lists at most this many articles (its format allows 1,000).</summary>
    [Range(1, 1_000)]
    public int NewsSitemapMaxItems { get; set; } = 1_000;
}
