using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Articles;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Feeds;

public sealed class ReadingFeedsAndSitemaps(PortalFactory factory) : IClassFixture<PortalFactory>
{
    internal static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    internal static readonly XNamespace News = "http://www.google.com/schemas/sitemap-news/0.9";

    internal static async Task<SyndicationFeed> LoadFeedAsync(HttpClient client, string url, bool atom)
    {
        var response = await client.GetAsync(url);
        Html.AssertStatus(response, HttpStatusCode.OK);
        Assert.Equal(atom ? "application/atom+xml" : "application/rss+xml", response.Content.Headers.ContentType!.MediaType);
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var reader = XmlReader.Create(stream);
        SyndicationFeedFormatter formatter = atom ? new Atom10FeedFormatter() : new Rss20FeedFormatter();
        Assert.True(formatter.CanRead(reader), $"{url} is not {(atom ? "Atom 1.0" : "RSS 2.0")}");
        formatter.ReadFrom(reader);
        return formatter.Feed;
    }

    internal static async Task<XDocument> LoadXmlAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Html.AssertStatus(response, HttpStatusCode.OK);
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/feed/rss.xml", false)]
    [InlineData("/feed/atom.xml", true)]
    public async Task The_site_feed_lists_the_latest_published_articles_with_absolute_urls_and_dates(string url, bool atom)
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var newest = await TestArticles.AddAsync(factory, $"Feed test newest story {atom}", publishedAt: now.AddSeconds(-30));
        await TestArticles.AddAsync(factory, $"Feed test draft story {atom}", ArticleStatus.Draft);
        await TestArticles.AddAsync(factory, $"Feed test future story {atom}", ArticleStatus.Scheduled, now.AddHours(1));
        await factory.WithDbAsync(async db =>
        {
            var stored = await db.Articles.SingleAsync(a => a.Id == newest.Id);
            stored.UpdatedAt = now.AddSeconds(-5);
            await db.SaveChangesAsync();
        });
        var client = factory.CreateBrowserClient();

        var feed = await LoadFeedAsync(client, url, atom);

        var items = feed.Items.ToList();
        Assert.Equal(30, items.Count);
        var first = items[0];
        Assert.Equal(newest.Headline, first.Title.Text);
        var link = first.Links.Single(l => l.RelationshipType is null or "alternate").Uri;
        Assert.Equal($"http://localhost/article/{newest.Slug}", link.ToString());
        Assert.Equal(Truncate(newest.PublishedAt!.Value), first.PublishDate.UtcDateTime);
        Assert.Equal(Truncate(now.AddSeconds(-5)), first.LastUpdatedTime.UtcDateTime);
        Assert.DoesNotContain(items, i => i.Title.Text.Contains("draft story") || i.Title.Text.Contains("future story"));
        Assert.All(items, i => Assert.True(i.Links.All(l => l.Uri.IsAbsoluteUri)));
        Assert.Equal(items.OrderByDescending(i => i.PublishDate).Select(i => i.Id), items.Select(i => i.Id));
        var expected = await factory.WithDbAsync(db => db.Articles
            .Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now)
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Select(a => a.Slug).Take(30).ToListAsync());
        Assert.Equal(expected.Select(s => $"http://localhost/article/{s}"), items.Select(i => i.Id));
    }

    [Theory]
    [InlineData("rss.xml", false)]
    [InlineData("atom.xml", true)]
    public async Task A_section_feed_has_only_that_sections_articles(string file, bool atom)
    {
        var client = factory.CreateBrowserClient();

        var feed = await LoadFeedAsync(client, $"/section/travel/{file}", atom);

        var expected = await factory.WithDbAsync(db => db.Articles
            .Where(a => a.Section!.Slug == "travel" && a.Status == ArticleStatus.Published)
            .Select(a => a.Slug).ToListAsync());
        Assert.NotEmpty(feed.Items);
        Assert.All(feed.Items, i => Assert.Contains(i.Id.Replace("http://localhost/article/", "", StringComparison.Ordinal), expected));
        Assert.Contains("Travel", feed.Title.Text);
        Assert.Contains(feed.Items.SelectMany(i => i.Categories), c => c.Name == "Travel");
    }

    [Fact]
    public async Task An_unknown_section_feed_answers_404()
    {
        var client = factory.CreateBrowserClient();

        Html.AssertStatus(await client.GetAsync("/section/no-such-section/rss.xml"), HttpStatusCode.NotFound);
        Html.AssertStatus(await client.GetAsync("/section/NOT..valid/atom.xml"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_sitemap_lists_sections_and_published_articles_only()
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var draft = await TestArticles.AddAsync(factory, "Sitemap draft story", ArticleStatus.Draft);
        var future = await TestArticles.AddAsync(factory, "Sitemap future story", ArticleStatus.Published, now.AddHours(3));
        var withdrawn = await TestArticles.AddAsync(factory, "Sitemap withdrawn story", ArticleStatus.Unpublished, now.AddDays(-2));
        var published = await TestArticles.AddAsync(factory, "Sitemap published story");
        var client = factory.CreateBrowserClient();

        var xml = await LoadXmlAsync(client, "/sitemap.xml");

        Assert.Equal(Sitemap + "urlset", xml.Root!.Name);
        var urls = xml.Root.Elements(Sitemap + "url").ToList();
        var locs = urls.Select(u => u.Element(Sitemap + "loc")!.Value).ToList();
        Assert.Contains("http://localhost/", locs);
        Assert.Contains("http://localhost/section/city", locs);
        Assert.Contains($"http://localhost/article/{published.Slug}", locs);
        Assert.DoesNotContain($"http://localhost/article/{draft.Slug}", locs);
        Assert.DoesNotContain($"http://localhost/article/{future.Slug}", locs);
        Assert.DoesNotContain($"http://localhost/article/{withdrawn.Slug}", locs);
        var visible = await factory.WithDbAsync(db => db.Articles.CountAsync(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now));
        Assert.Equal(visible, locs.Count(l => l.Contains("/article/", StringComparison.Ordinal)));
        Assert.Equal(locs.Count, locs.Distinct().Count());
        Assert.All(urls.Select(u => u.Element(Sitemap + "lastmod")?.Value).OfType<string>(),
            lastmod => Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", lastmod));
        var lastmodOfPublished = urls.Single(u => u.Element(Sitemap + "loc")!.Value.EndsWith(published.Slug, StringComparison.Ordinal)).Element(Sitemap + "lastmod")!.Value;
        Assert.Equal(Truncate(published.UpdatedAt), DateTime.Parse(lastmodOfPublished, null, System.Globalization.DateTimeStyles.AdjustToUniversal));
    }

    [Fact]
    public async Task The_news_sitemap_has_the_last_48_hours_with_publication_details()
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var recent = await TestArticles.AddAsync(factory, "News sitemap recent story", publishedAt: now.AddHours(-3));
        var old = await TestArticles.AddAsync(factory, "News sitemap old story", publishedAt: now.AddHours(-49));
        var draft = await TestArticles.AddAsync(factory, "News sitemap draft story", ArticleStatus.Draft);
        var client = factory.CreateBrowserClient();

        var xml = await LoadXmlAsync(client, "/sitemap-news.xml");

        Assert.Equal(Sitemap + "urlset", xml.Root!.Name);
        Assert.Equal(News.NamespaceName, xml.Root.Attribute(XNamespace.Xmlns + "news")!.Value);
        var entries = xml.Root.Elements(Sitemap + "url").ToList();
        var locs = entries.Select(u => u.Element(Sitemap + "loc")!.Value).ToList();
        Assert.Contains($"http://localhost/article/{recent.Slug}", locs);
        Assert.DoesNotContain($"http://localhost/article/{old.Slug}", locs);
        Assert.DoesNotContain($"http://localhost/article/{draft.Slug}", locs);
        var news = entries.Single(e => e.Element(Sitemap + "loc")!.Value.EndsWith(recent.Slug, StringComparison.Ordinal)).Element(News + "news")!;
        Assert.Equal("NewsPortal", news.Element(News + "publication")!.Element(News + "name")!.Value);
        Assert.Equal("en", news.Element(News + "publication")!.Element(News + "language")!.Value);
        Assert.Equal(recent.Headline, news.Element(News + "title")!.Value);
        Assert.Equal(Truncate(recent.PublishedAt!.Value),
            DateTime.Parse(news.Element(News + "publication_date")!.Value, null, System.Globalization.DateTimeStyles.AdjustToUniversal));
        Assert.All(entries, e =>
        {
            var at = DateTime.Parse(e.Element(News + "news")!.Element(News + "publication_date")!.Value, null, System.Globalization.DateTimeStyles.AdjustToUniversal);
            Assert.InRange(at, now.AddHours(-48).AddSeconds(-1), now);
        });
    }

    [Fact]
    public async Task Robots_txt_keeps_crawlers_out_of_staff_and_points_to_the_sitemaps()
    {
        var client = factory.CreateBrowserClient();

        var response = await client.GetAsync("/robots.txt");

        Html.AssertStatus(response, HttpStatusCode.OK);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains("User-agent: *", lines);
        Assert.Contains("Disallow: /staff", lines);
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", lines);
        Assert.Contains("Sitemap: http://localhost/sitemap-news.xml", lines);
        Assert.Contains("Sitemap: http://localhost/zh/sitemap.xml", lines);
        Assert.Contains("Sitemap: http://localhost/zh/sitemap-news.xml", lines);
        Assert.Contains("Disallow: /zh/search", lines);
    }

    [Fact]
    public async Task The_chinese_sitemaps_list_the_chinese_addresses_of_the_same_pages()
    {
        var client = factory.CreateBrowserClient();
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

        var english = XDocument.Parse(await client.GetStringAsync("/sitemap-sections.xml")).Descendants(ns + "loc").Select(l => l.Value).ToList();
        var chinese = XDocument.Parse(await client.GetStringAsync("/zh/sitemap-sections.xml")).Descendants(ns + "loc").Select(l => l.Value).ToList();
        var news = XDocument.Parse(await client.GetStringAsync("/zh/sitemap-news.xml")).Descendants(ns + "loc").Select(l => l.Value).ToList();

        Assert.NotEmpty(english);
        Assert.Equal(english.Select(u => u.Replace("http://localhost/", "http://localhost/zh/", StringComparison.Ordinal)), chinese);
        Assert.NotEmpty(news);
        Assert.All(news, u => Assert.StartsWith("http://localhost/zh/article/", u));
    }

    internal static DateTime Truncate(DateTime utc) => new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
}

/// <summary>A portal with a public base URL configured and small sitemap files, as a large site would have.</summary>
public sealed class LargeSitePortalFactory : PortalFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Site:BaseUrl", "https://news.example.org"),
        new("Feeds:SitemapPageSize", "10"),
    ];
}

public sealed class ReadingFeedsAndSitemapsOfALargeSite(LargeSitePortalFactory factory) : IClassFixture<LargeSitePortalFactory>
{
    private static readonly XNamespace Sitemap = ReadingFeedsAndSitemaps.Sitemap;

    [Fact]
    public async Task The_sitemap_becomes_an_index_of_article_sitemaps_that_together_list_every_article()
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var client = factory.CreateBrowserClient();

        var index = await ReadingFeedsAndSitemaps.LoadXmlAsync(client, "/sitemap.xml");

        Assert.Equal(Sitemap + "sitemapindex", index.Root!.Name);
        var files = index.Root.Elements(Sitemap + "sitemap").Select(s => s.Element(Sitemap + "loc")!.Value).ToList();
        Assert.Equal("https://news.example.org/sitemap-sections.xml", files[0]);
        var visible = await factory.WithDbAsync(db => db.Articles
            .Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now).Select(a => a.Slug).ToListAsync());
        Assert.Equal((visible.Count + 9) / 10, files.Count - 1);
        var listed = new List<string>();
        foreach (var file in files)
        {
            Assert.StartsWith("https://news.example.org/", file);
            var urlset = await ReadingFeedsAndSitemaps.LoadXmlAsync(client, new Uri(file).PathAndQuery);
            Assert.Equal(Sitemap + "urlset", urlset.Root!.Name);
            var locs = urlset.Root.Elements(Sitemap + "url").Select(u => u.Element(Sitemap + "loc")!.Value).ToList();
            Assert.InRange(locs.Count, 1, 10);
            listed.AddRange(locs);
        }

        Assert.Equal(visible.Select(s => $"https://news.example.org/article/{s}").Order(), listed.Where(l => l.Contains("/article/", StringComparison.Ordinal)).Order());
        Assert.Contains("https://news.example.org/section/city", listed);
        Html.AssertStatus(await client.GetAsync($"/sitemap-articles-{files.Count}.xml"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Feeds_robots_and_canonical_urls_use_the_configured_base_url()
    {
        var client = factory.CreateBrowserClient();

        var feed = await ReadingFeedsAndSitemaps.LoadFeedAsync(client, "/feed/atom.xml", atom: true);
        var robots = await client.GetStringAsync("/robots.txt");
        var (_, home) = await Html.GetAsync(client, "/");

        Assert.NotEmpty(feed.Items);
        Assert.All(feed.Items, i => Assert.StartsWith("https://news.example.org/article/", i.Id));
        Assert.Equal("https://news.example.org/feed/atom.xml", feed.Id);
        Assert.Contains("Sitemap: https://news.example.org/sitemap.xml", robots);
        Assert.Equal("https://news.example.org/", home.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("https://news.example.org/feed/rss.xml", home.QuerySelector("link[rel=alternate][type='application/rss+xml']")!.GetAttribute("href"));
    }
}
