using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Microsoft.Extensions.Options;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Feeds;
using NewsPortal.Core.Topics;
using NewsPortal.Web.Platform.Caching;
using NewsPortal.Web.Platform.Localization;
using NewsPortal.Web.Platform.Site;

namespace NewsPortal.Web.Features.Feeds;

/// <summary>
/// RSS 2.0 and Atom feeds (site-wide and per section), sitemaps (sitemaps.org, with an index when the
/// archive is large, and a news sitemap of the last two days) and robots.txt. Only visible articles appear.
/// </summary>
public static class FeedEndpoints
{
    private const string SitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string NewsNs = "http://www.google.com/schemas/sitemap-news/0.9";
    private const string DublinCoreNs = "http://purl.org/dc/elements/1.1/";

    /// <summary>GET and HEAD: crawlers and feed readers check a feed or sitemap with HEAD before fetching it.</summary>
    private static RouteHandlerBuilder MapRead(this IEndpointRouteBuilder app, string pattern, Delegate handler) =>
        app.MapMethods(pattern, [HttpMethods.Get, HttpMethods.Head], handler);

    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder app)
    {
        app.MapRead("/feed/rss.xml", (HttpContext http, FeedQueries q, IOptions<FeedOptions> o, IOptions<SiteOptions> s, SiteUrls u) =>
            FeedAsync(http, q, o.Value, s.Value, u, null, atom: false));
        app.MapRead("/feed/atom.xml", (HttpContext http, FeedQueries q, IOptions<FeedOptions> o, IOptions<SiteOptions> s, SiteUrls u) =>
            FeedAsync(http, q, o.Value, s.Value, u, null, atom: true));
        app.MapRead("/section/{slug}/rss.xml", (string slug, HttpContext http, FeedQueries q, IOptions<FeedOptions> o, IOptions<SiteOptions> s, SiteUrls u) =>
            FeedAsync(http, q, o.Value, s.Value, u, slug, atom: false));
        app.MapRead("/section/{slug}/atom.xml", (string slug, HttpContext http, FeedQueries q, IOptions<FeedOptions> o, IOptions<SiteOptions> s, SiteUrls u) =>
            FeedAsync(http, q, o.Value, s.Value, u, slug, atom: true));

        // Sitemaps and robots.txt carry the sitemaps tag, so an article change evicts their cached copies.
        app.MapRead("/sitemap.xml", SitemapAsync);
        app.MapRead("/sitemap-sections.xml", async (HttpContext http, FeedQueries q, SiteUrls u) =>
        {
            http.TagPage(CacheTags.Sitemaps);
            var sections = await q.SectionsAsync(http.RequestAborted);
            var topics = await q.TopicsAsync(http.RequestAborted);
            await WriteUrlSetAsync(http, u, w => SectionUrlsAsync(w, http, u, sections, topics), news: false);
        });
        app.MapRead("/sitemap-articles-{page:int}.xml", async (int page, HttpContext http, FeedQueries q, IOptions<FeedOptions> o, SiteUrls u) =>
        {
            http.TagPage(CacheTags.Sitemaps);
            var size = o.Value.SitemapPageSize;
            var pages = PageCount(await q.VisibleCountAsync(http.RequestAborted), size);
            if (page < 1 || page > pages)
            {
                return Results.NotFound();
            }

            var entries = await q.ArticlePageAsync(page, size, http.RequestAborted);
            await WriteUrlSetAsync(http, u, w => ArticleUrlsAsync(w, http, u, entries), news: false);
            return Results.Empty;
        });
        app.MapRead("/sitemap-news.xml", NewsSitemapAsync);
        // The sitemaps of every reader language (/sitemap.xml, /zh/sitemap.xml): each lists the pages at that language's addresses.
        app.MapRead("/robots.txt", (HttpContext http, SiteUrls u) => Results.Text(
            "User-agent: *\nDisallow: /staff\nDisallow: /search\nDisallow: /zh/search\n\n" + string.Concat(ReaderLanguage.All.Select(l =>
                $"Sitemap: {u.In(l, http.Request, "/sitemap.xml")}\nSitemap: {u.In(l, http.Request, "/sitemap-news.xml")}\n")),
            "text/plain; charset=utf-8"));
        return app;
    }

    private static async Task<IResult> FeedAsync(HttpContext http, FeedQueries queries, FeedOptions options, SiteOptions site, SiteUrls urls, string? sectionSlug, bool atom)
    {
        var ct = http.RequestAborted;
        http.TagPage(CacheTags.Feeds);
        var title = site.Name;
        var description = site.Description;
        var pagePath = "/";
        var feedPath = atom ? "/feed/atom.xml" : "/feed/rss.xml";
        int? sectionId = null;
        if (sectionSlug is not null)
        {
            var section = Slug.IsValid(sectionSlug) ? await queries.SectionAsync(sectionSlug, ct) : null;
            if (section is null)
            {
                return Slug.IsValid(sectionSlug) && await queries.SectionMovedToAsync(sectionSlug, ct) is { } current
                    ? Results.Redirect($"{http.Request.PathBase}/section/{current}/{(atom ? "atom" : "rss")}.xml", permanent: true)
                    : Results.NotFound();
            }

            sectionId = section.Id;
            title = $"{section.Name} | {site.Name}";
            description = string.IsNullOrWhiteSpace(section.Description) ? description : section.Description;
            pagePath = $"/section/{section.Slug}";
            feedPath = $"{pagePath}/{(atom ? "atom" : "rss")}.xml";
        }

        // A feed is in the language of its address: /feed/… English articles, /zh/feed/… Chinese ones.
        var entries = await queries.LatestAsync(options.ItemCount, sectionId, ReaderLanguage.Of(http).Code, ct);
        return FeedResult(http, site, urls, title, description, pagePath, feedPath, entries, atom);
    }

    /// <summary>An RSS or Atom feed of <paramref name="entries"/>, for the page at <paramref name="pagePath"/>.</summary>
    internal static IResult FeedResult(
        HttpContext http, SiteOptions site, SiteUrls urls, string title, string description, string pagePath, string feedPath, IReadOnlyList<FeedEntry> entries, bool atom)
    {
        var language = ReaderLanguage.Of(http).Code;
        var pageUrl = urls.Absolute(http.Request, pagePath);
        var feed = new SyndicationFeed(title, description, new Uri(pageUrl))
        {
            Id = urls.Absolute(http.Request, feedPath),
            Language = language,
            Copyright = new TextSyndicationContent($"© {site.Name}"),
            Generator = site.Name,
            LastUpdatedTime = entries.Count == 0 ? DateTimeOffset.UnixEpoch : entries.Max(e => Utc(Later(e.PublishedAt, e.UpdatedAt))),
            ImageUrl = new Uri(urls.Absolute(http.Request, site.LogoPath ?? StructuredData.LogoPath)),
        };
        feed.Links.Add(new SyndicationLink(new Uri(feed.Id), "self", title, atom ? "application/atom+xml" : "application/rss+xml", 0));
        feed.Items = entries.Select(e => Item(e, http.Request, urls, atom).WithCover(e, p => urls.Absolute(http.Request, p))).ToList();
        feed.DeclareMediaNamespace();

        // The formatters write synchronously, so the feed (30 items) is built in memory first.
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            SyndicationFeedFormatter formatter = atom ? new Atom10FeedFormatter(feed) : new Rss20FeedFormatter(feed);
            formatter.WriteTo(writer);
        }

        return Results.Bytes(buffer.ToArray(), atom ? "application/atom+xml; charset=utf-8" : "application/rss+xml; charset=utf-8");
    }

    private static SyndicationItem Item(FeedEntry e, HttpRequest request, SiteUrls urls, bool atom)
    {
        var url = urls.Absolute(request, $"/article/{e.Slug}");
        var item = new SyndicationItem
        {
            Id = url,
            Title = new TextSyndicationContent(e.Headline),
            Summary = new TextSyndicationContent(e.Standfirst),
            PublishDate = Utc(e.PublishedAt),
            LastUpdatedTime = Utc(Later(e.PublishedAt, e.UpdatedAt)),
        };
        item.Links.Add(SyndicationLink.CreateAlternateLink(new Uri(url)));
        foreach (var author in e.Authors)
        {
            item.Authors.Add(new SyndicationPerson { Name = author.Name, Uri = urls.Absolute(request, $"/author/{author.Slug}") });
            if (!atom)
            {
                // RSS's own <author> must be an email address; feed readers show dc:creator instead.
                item.ElementExtensions.Add("creator", DublinCoreNs, author.Name);
            }
        }

        item.Categories.Add(new SyndicationCategory(e.SectionName));
        foreach (var tag in e.Tags)
        {
            item.Categories.Add(new SyndicationCategory(tag));
        }

        return item;
    }

    private static async Task SitemapAsync(HttpContext http, FeedQueries queries, IOptions<FeedOptions> options, SiteUrls urls)
    {
        var ct = http.RequestAborted;
        http.TagPage(CacheTags.Sitemaps);
        var size = options.Value.SitemapPageSize;
        var count = await queries.VisibleCountAsync(ct);
        var sections = await queries.SectionsAsync(ct);
        var topics = await queries.TopicsAsync(ct);
        if (count + sections.Count + topics.Count + 1 <= size)
        {
            var entries = await queries.ArticlePageAsync(1, size, ct);
            await WriteUrlSetAsync(http, urls, async w =>
            {
                await SectionUrlsAsync(w, http, urls, sections, topics);
                await ArticleUrlsAsync(w, http, urls, entries);
            }, news: false);
            return;
        }

        // Too many for one file: an index of the section sitemap and the article sitemaps.
        var newest = sections.Max(s => s.LastPublished);
        http.Response.ContentType = "application/xml; charset=utf-8";
        await using var writer = XmlWriter.Create(http.Response.Body, WriterSettings());
        await writer.WriteStartDocumentAsync();
        await writer.WriteStartElementAsync(null, "sitemapindex", SitemapNs);
        await SitemapRefAsync(writer, urls.Absolute(http.Request, "/sitemap-sections.xml"), newest);
        for (var page = 1; page <= PageCount(count, size); page++)
        {
            await SitemapRefAsync(writer, urls.Absolute(http.Request, $"/sitemap-articles-{page}.xml"), null);
        }

        await writer.WriteEndElementAsync();
        await writer.WriteEndDocumentAsync();
    }

    private static async Task NewsSitemapAsync(HttpContext http, FeedQueries queries, IOptions<FeedOptions> options, IOptions<SiteOptions> site, SiteUrls urls)
    {
        http.TagPage(CacheTags.Sitemaps);
        var recent = await queries.RecentAsync(TimeSpan.FromHours(options.Value.NewsSitemapHours), options.Value.NewsSitemapMaxItems, http.RequestAborted);
        await WriteUrlSetAsync(http, urls, async w =>
        {
            foreach (var entry in recent)
            {
                await w.WriteStartElementAsync(null, "url", SitemapNs);
                await w.WriteElementStringAsync(null, "loc", SitemapNs, urls.Absolute(http.Request, $"/article/{entry.Slug}"));
                await w.WriteStartElementAsync("news", "news", NewsNs);
                await w.WriteStartElementAsync("news", "publication", NewsNs);
                await w.WriteElementStringAsync("news", "name", NewsNs, site.Value.Name);
                await w.WriteElementStringAsync("news", "language", NewsNs, ArticleLanguage.NewsSitemapCode(entry.Language));
                await w.WriteEndElementAsync();
                await w.WriteElementStringAsync("news", "publication_date", NewsNs, StructuredData.Iso(entry.PublishedAt));
                await w.WriteElementStringAsync("news", "title", NewsNs, entry.Headline);
                await w.WriteEndElementAsync();
                await FeedImages.WriteSitemapImageAsync(w, entry, p => urls.Absolute(http.Request, p));
                await w.WriteEndElementAsync();
            }
        }, news: true);
    }

    private static async Task WriteUrlSetAsync(HttpContext http, SiteUrls urls, Func<XmlWriter, Task> body, bool news)
    {
        http.Response.ContentType = "application/xml; charset=utf-8";
        await using var writer = XmlWriter.Create(http.Response.Body, WriterSettings());
        await writer.WriteStartDocumentAsync();
        await writer.WriteStartElementAsync(null, "urlset", SitemapNs);
        if (news)
        {
            await writer.WriteAttributeStringAsync("xmlns", "news", null, NewsNs);
            await writer.WriteAttributeStringAsync("xmlns", "image", null, FeedImages.ImageSitemapNs);
        }

        await body(writer);
        await writer.WriteEndElementAsync();
        await writer.WriteEndDocumentAsync();
    }

    private static async Task SectionUrlsAsync(
        XmlWriter w, HttpContext http, SiteUrls urls, IReadOnlyList<SectionSitemapEntry> sections, IReadOnlyList<TopicSitemapEntry> topics)
    {
        await UrlAsync(w, urls.Absolute(http.Request, "/"), sections.Max(s => s.LastPublished));
        foreach (var section in sections)
        {
            await UrlAsync(w, urls.Absolute(http.Request, $"/section/{section.Slug}"), section.LastPublished);
        }

        foreach (var topic in topics)
        {
            await UrlAsync(w, urls.Absolute(http.Request, $"/topic/{topic.Slug}"), topic.UpdatedAt);
        }
    }

    private static async Task ArticleUrlsAsync(XmlWriter w, HttpContext http, SiteUrls urls, IReadOnlyList<SitemapEntry> entries)
    {
        foreach (var entry in entries)
        {
            await UrlAsync(w, urls.Absolute(http.Request, $"/article/{entry.Slug}"), entry.LastModified);
        }
    }

    private static async Task UrlAsync(XmlWriter w, string loc, DateTime? lastModified)
    {
        await w.WriteStartElementAsync(null, "url", SitemapNs);
        await w.WriteElementStringAsync(null, "loc", SitemapNs, loc);
        if (lastModified is { } at)
        {
            await w.WriteElementStringAsync(null, "lastmod", SitemapNs, StructuredData.Iso(at));
        }

        await w.WriteEndElementAsync();
    }

    private static async Task SitemapRefAsync(XmlWriter w, string loc, DateTime? lastModified)
    {
        await w.WriteStartElementAsync(null, "sitemap", SitemapNs);
        await w.WriteElementStringAsync(null, "loc", SitemapNs, loc);
        if (lastModified is { } at)
        {
            await w.WriteElementStringAsync(null, "lastmod", SitemapNs, StructuredData.Iso(at));
        }

        await w.WriteEndElementAsync();
    }

    private static int PageCount(int count, int size) => Math.Max(1, (count + size - 1) / size);

    private static DateTime Later(DateTime a, DateTime b) => a > b ? a : b;

    private static DateTimeOffset Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));


    private static XmlWriterSettings WriterSettings() => new() { Async = true, Encoding = new UTF8Encoding(false), Indent = true };
}
