using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Shared;

public sealed class DescribingPages(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string? Meta(IDocument page, string property) =>
        page.QuerySelector($"meta[property='{property}'], meta[name='{property}']")?.GetAttribute("content");

    private static List<JsonElement> JsonLd(IDocument page) =>
        page.QuerySelectorAll("script[type='application/ld+json']").Select(s => JsonDocument.Parse(s.TextContent).RootElement.Clone()).ToList();

    private static JsonElement OfType(IDocument page, string type) => JsonLd(page).Single(j => j.GetProperty("@type").GetString() == type);

    [Fact]
    public async Task An_article_page_carries_canonical_opengraph_twitter_and_news_article_data()
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var article = await TestArticles.AddAsync(factory, "Metadata test story about the cable car", publishedAt: now.AddHours(-5));
        await factory.WithDbAsync(async db =>
        {
            var stored = await db.Articles.Include(a => a.Authors).SingleAsync(a => a.Id == article.Id);
            stored.CoverImageUrl = "/images/demo/city.svg";
            stored.CoverCaption = "The cable car over the river.";
            stored.UpdatedAt = now.AddHours(-1);
            stored.Authors.Add(await db.Authors.SingleAsync(a => a.Slug == "lin-xiaoyu"));
            await db.SaveChangesAsync();
        });
        var client = factory.CreateBrowserClient();

        var (response, page) = await Html.GetAsync(client, $"/article/{article.Slug}");

        Html.AssertStatus(response, HttpStatusCode.OK);
        var url = $"http://localhost/article/{article.Slug}";
        Assert.Equal($"{article.Headline} | NewsPortal", page.Title);
        Assert.Equal(article.Standfirst, Meta(page, "description"));
        Assert.Equal(url, page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("article", Meta(page, "og:type"));
        Assert.Equal(article.Headline, Meta(page, "og:title"));
        Assert.Equal(article.Standfirst, Meta(page, "og:description"));
        Assert.Equal(url, Meta(page, "og:url"));
        Assert.Equal("NewsPortal", Meta(page, "og:site_name"));
        Assert.Equal("http://localhost/images/og-default.png", Meta(page, "og:image"));
        Assert.Equal(ToIso(now.AddHours(-5)), Meta(page, "article:published_time"));
        Assert.Equal(ToIso(now.AddHours(-1)), Meta(page, "article:modified_time"));
        Assert.Equal("summary_large_image", Meta(page, "twitter:card"));
        Assert.Equal(article.Headline, Meta(page, "twitter:title"));
        Assert.Equal("http://localhost/images/og-default.png", Meta(page, "twitter:image"));

        var news = OfType(page, "NewsArticle");
        Assert.Equal("https://schema.org", news.GetProperty("@context").GetString());
        Assert.Equal(article.Headline, news.GetProperty("headline").GetString());
        Assert.Equal("http://localhost/images/demo/city.svg", news.GetProperty("image")[0].GetString());
        Assert.Equal(ToIso(now.AddHours(-5)), news.GetProperty("datePublished").GetString());
        Assert.Equal(ToIso(now.AddHours(-1)), news.GetProperty("dateModified").GetString());
        var author = news.GetProperty("author")[0];
        Assert.Equal("Person", author.GetProperty("@type").GetString());
        Assert.Equal("Lin Xiaoyu", author.GetProperty("name").GetString());
        Assert.Equal("http://localhost/author/lin-xiaoyu", author.GetProperty("url").GetString());
        var publisher = news.GetProperty("publisher");
        Assert.Equal("Organization", publisher.GetProperty("@type").GetString());
        Assert.Equal("NewsPortal", publisher.GetProperty("name").GetString());
        Assert.Equal("ImageObject", publisher.GetProperty("logo").GetProperty("@type").GetString());
        var logo = publisher.GetProperty("logo").GetProperty("url").GetString()!;
        Assert.Equal("http://localhost/images/logo.png", logo);
        Html.AssertStatus(await client.GetAsync(new Uri(logo).AbsolutePath), HttpStatusCode.OK);
        Assert.Equal(url, news.GetProperty("mainEntityOfPage").GetProperty("@id").GetString());

        var crumbs = OfType(page, "BreadcrumbList").GetProperty("itemListElement").EnumerateArray().ToList();
        Assert.Equal(["Home", "City", article.Headline], crumbs.Select(c => c.GetProperty("name").GetString()));
        Assert.Equal(["http://localhost/", "http://localhost/section/city", url], crumbs.Select(c => c.GetProperty("item").GetString()));
        Assert.Equal([1, 2, 3], crumbs.Select(c => c.GetProperty("position").GetInt32()));
    }

    [Fact]
    public async Task An_article_cover_that_is_not_svg_is_the_link_preview_image()
    {
        var article = await TestArticles.AddAsync(factory, "Story with a photograph cover");
        await factory.WithDbAsync(async db =>
        {
            var stored = await db.Articles.SingleAsync(a => a.Id == article.Id);
            stored.CoverImageUrl = "/images/og-default.png";
            stored.CoverCaption = "A photograph.";
            await db.SaveChangesAsync();
        });
        var client = factory.CreateBrowserClient();

        var (_, page) = await Html.GetAsync(client, $"/article/{article.Slug}");

        Assert.Equal("http://localhost/images/og-default.png", Meta(page, "og:image"));
        Assert.Equal("A photograph.", Meta(page, "og:image:alt"));
    }

    [Fact]
    public async Task Structured_data_cannot_break_out_of_its_script_element()
    {
        const string headline = "Quote \" and </script><script>alert(1)</script> & <!-- in a headline";
        var article = await TestArticles.AddAsync(factory, headline);
        var client = factory.CreateBrowserClient();

        var response = await client.GetAsync($"/article/{article.Slug}");
        var html = await response.Content.ReadAsStringAsync();
        var page = await Html.ParseAsync(response);

        Html.AssertStatus(response, HttpStatusCode.OK);
        var head = html[..html.IndexOf("</head>", StringComparison.Ordinal)];
        Assert.DoesNotContain("<script>alert(1)", head);
        Assert.Equal(2, page.Head!.QuerySelectorAll("script[type='application/ld+json']").Length);
        Assert.DoesNotContain(page.QuerySelectorAll("script"), s => s.GetAttribute("type") != "application/ld+json" && s.TextContent.Contains("alert(1)"));
        Assert.Equal(headline, OfType(page, "NewsArticle").GetProperty("headline").GetString());
    }

    [Fact]
    public async Task A_listing_has_a_canonical_url_per_page_breadcrumbs_and_its_feeds()
    {
        for (var i = 0; i < 21; i++)
        {
            await TestArticles.AddAsync(factory, $"Culture filler story for paging {i}", sectionSlug: "culture");
        }

        var client = factory.CreateBrowserClient();

        var (_, first) = await Html.GetAsync(client, "/section/culture");
        var (_, second) = await Html.GetAsync(client, "/section/culture?page=2");

        Assert.Equal("http://localhost/section/culture", first.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("http://localhost/section/culture?page=2", second.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("http://localhost/section/culture?page=2", Meta(second, "og:url"));
        Assert.Equal("website", Meta(first, "og:type"));
        Assert.Equal("Arts, heritage, food and festivals.", Meta(first, "description"));
        var feeds = first.QuerySelectorAll("link[rel=alternate]").Select(l => (l.GetAttribute("type"), l.GetAttribute("href"))).ToList();
        Assert.Contains(("application/rss+xml", "http://localhost/feed/rss.xml"), feeds);
        Assert.Contains(("application/atom+xml", "http://localhost/feed/atom.xml"), feeds);
        Assert.Contains(("application/rss+xml", "http://localhost/section/culture/rss.xml"), feeds);
        Assert.Contains(("application/atom+xml", "http://localhost/section/culture/atom.xml"), feeds);
        foreach (var (_, href) in feeds)
        {
            Html.AssertStatus(await client.GetAsync(new Uri(href!).AbsolutePath), HttpStatusCode.OK);
        }

        var crumbs = OfType(first, "BreadcrumbList").GetProperty("itemListElement").EnumerateArray().Select(c => c.GetProperty("item").GetString());
        Assert.Equal(["http://localhost/", "http://localhost/section/culture"], crumbs);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/tag/riverside")]
    [InlineData("/author/lin-xiaoyu")]
    [InlineData("/search?q=river")]
    public async Task Every_reader_page_has_a_title_description_canonical_url_and_link_preview(string url)
    {
        var client = factory.CreateBrowserClient();

        var (response, page) = await Html.GetAsync(client, url);

        Html.AssertStatus(response, HttpStatusCode.OK);
        Assert.EndsWith("NewsPortal", page.Title);
        Assert.False(string.IsNullOrWhiteSpace(Meta(page, "description")));
        var canonical = page.QuerySelector("link[rel=canonical]")!.GetAttribute("href")!;
        Assert.StartsWith("http://localhost/", canonical);
        Assert.Equal(canonical, Meta(page, "og:url"));
        Assert.Equal("website", Meta(page, "og:type"));
        Assert.StartsWith("http://localhost/", Meta(page, "og:image"));
        Assert.Equal("summary_large_image", Meta(page, "twitter:card"));
        Assert.Single(page.QuerySelectorAll("link[rel=alternate][type='application/rss+xml'][href='http://localhost/feed/rss.xml']"));
    }

    [Fact]
    public async Task A_not_found_page_is_kept_out_of_search_engines()
    {
        var client = factory.CreateBrowserClient();

        var (response, page) = await Html.GetAsync(client, "/article/no-such-story");

        Html.AssertStatus(response, HttpStatusCode.NotFound);
        Assert.Equal("noindex", Meta(page, "robots"));
        Assert.Null(page.QuerySelector("link[rel=canonical]"));
    }

    private static string ToIso(DateTime utc) =>
        new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
