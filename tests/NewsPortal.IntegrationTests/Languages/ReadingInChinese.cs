using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Languages;

public sealed class ReadingInChinese(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_home_page_under_zh_is_in_Chinese_and_its_links_stay_under_zh()
    {
        var (response, page) = await Html.GetAsync(factory.CreateBrowserClient(), "/zh/");

        Html.AssertStatus(response, HttpStatusCode.OK);
        Assert.Equal("zh-Hans", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("首页", page.Text(".section-nav li a"));
        Assert.Contains("关于我们", page.Text(".site-footer"));
        Assert.Contains("我同意", page.Text(".consent-banner"));
        Assert.Equal("/zh/search", page.QuerySelector(".search-box")!.GetAttribute("action"));
        var local = page.QuerySelectorAll("a[href^='/']").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(local);
        Assert.All(local.Where(h => !h.StartsWith("/zh", StringComparison.Ordinal)), h => Assert.Equal("/", h));
        Assert.Equal("English", page.Text(".language-switch a[href='/']"));
        Assert.Matches(@"^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$", page.Text(".card .meta time"));
        Assert.Contains("阅读约", page.Text(".card .meta"));
    }

    [Fact]
    public async Task The_present_addresses_stay_English_and_Accept_Language_only_suggests_a_switch()
    {
        var reader = factory.CreateBrowserClient();
        reader.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN,zh;q=0.9,en;q=0.5");

        var (response, page) = await Html.GetAsync(reader, "/privacy");

        Html.AssertStatus(response, HttpStatusCode.OK);
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("About Us", page.Text(".site-footer"));
        var suggestion = page.QuerySelector(".language-suggestion")!;
        Assert.Equal("zh-Hans", suggestion.GetAttribute("lang"));
        Assert.Equal("/zh/privacy", suggestion.QuerySelector("a")!.GetAttribute("href"));

        var (plain, plainPage) = await Html.GetAsync(factory.CreateBrowserClient(), "/privacy");
        Html.AssertStatus(plain, HttpStatusCode.OK);
        Assert.Null(plainPage.QuerySelector(".language-suggestion"));
        Assert.Equal("/zh/privacy", plainPage.QuerySelector(".language-switch a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_Chinese_article_declares_its_language_to_browsers_search_engines_and_link_previews()
    {
        var article = await ChineseArticles.AddAsync(factory, "jiefangbei-reopens");

        foreach (var prefix in new[] { "", "/zh" })
        {
            var (response, page) = await Html.GetAsync(factory.CreateBrowserClient(), $"{prefix}/article/{article.Slug}");

            Html.AssertStatus(response, HttpStatusCode.OK);
            Assert.Equal("zh-Hans", page.DocumentElement.GetAttribute("lang"));
            Assert.Equal("zh_CN", page.QuerySelector("meta[property='og:locale']")!.GetAttribute("content"));
            Assert.Equal("zh-Hans", NewsArticle(page).GetProperty("inLanguage").GetString());
            Assert.Equal(ChineseArticles.Headline, page.Text("h1"));
        }

        // Around a Chinese article the English interface says it is English.
        var (_, english) = await Html.GetAsync(factory.CreateBrowserClient(), $"/article/{article.Slug}");
        Assert.Equal("en", english.QuerySelector("header.masthead")!.GetAttribute("lang"));
        Assert.Equal("en", english.QuerySelector("footer")!.GetAttribute("lang"));
    }

    [Fact]
    public async Task Dates_and_reading_time_on_a_Chinese_page_are_written_the_Chinese_way()
    {
        var article = await ChineseArticles.AddAsync(factory, "chengyu-metro-dates");

        var (_, page) = await Html.GetAsync(factory.CreateBrowserClient(), $"/zh/article/{article.Slug}");

        var published = DateTimeOffset.Parse(page.QuerySelector(".article .meta time")!.GetAttribute("datetime")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith($"{published.Year}年{published.Month}月{published.Day}日", page.Text(".article .meta time"));
        Assert.Contains("发布于", page.Text(".article .meta"));
        Assert.Contains("阅读约1分钟", page.Text(".article .meta"));
    }

    [Fact]
    public async Task Cached_pages_are_kept_per_language()
    {
        var reader = factory.CreateBrowserClient();
        for (var i = 0; i < 2; i++)
        {
            var (_, english) = await Html.GetAsync(reader, "/terms");
            var (_, chinese) = await Html.GetAsync(reader, "/zh/terms");
            Assert.Equal("Terms of Use", english.Text(".footer-links li:nth-child(4) a"));
            Assert.Equal("使用条款", chinese.Text(".footer-links li:nth-child(4) a"));
            Assert.Equal(["Special topics", "Authors", "Tags"], english.QuerySelectorAll(".footer-links.explore a").Select(a => a.TextContent));
            Assert.Equal(["专题", "作者", "标签"], chinese.QuerySelectorAll(".footer-links.explore a").Select(a => a.TextContent));
            Assert.Equal(["/zh/topics", "/zh/authors", "/zh/tags"], chinese.QuerySelectorAll(".footer-links.explore a").Select(a => a.GetAttribute("href")));
        }
    }

    [Fact]
    public async Task A_missing_page_under_zh_says_so_in_Chinese_and_staff_pages_are_not_under_zh()
    {
        var reader = factory.CreateBrowserClient();

        var (missing, page) = await Html.GetAsync(reader, "/zh/no-such-page");

        Html.AssertStatus(missing, HttpStatusCode.NotFound);
        Assert.Equal("找不到页面", page.Text("main h1"));
        Assert.Equal("zh-Hans", page.DocumentElement.GetAttribute("lang"));
        Html.AssertStatus(await reader.GetAsync("/zh/staff"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Feeds_and_the_news_sitemap_follow_each_article_language()
    {
        var article = await ChineseArticles.AddAsync(factory, "chengyu-feeds");
        var reader = factory.CreateBrowserClient();

        var chineseFeed = await reader.GetStringAsync("/zh/feed/rss.xml");
        var englishFeed = await reader.GetStringAsync("/feed/rss.xml");
        var news = await reader.GetStringAsync("/sitemap-news.xml");

        Assert.Contains("<language>zh-Hans</language>", chineseFeed);
        Assert.Contains($"/zh/article/{article.Slug}", chineseFeed);
        Assert.Contains("<language>en</language>", englishFeed);
        Assert.DoesNotContain(article.Slug, englishFeed);
        var entry = news[news.IndexOf($"/article/{article.Slug}<", StringComparison.Ordinal)..];
        Assert.Contains("<news:language>zh-cn</news:language>", entry[..entry.IndexOf("</url>", StringComparison.Ordinal)]);
    }

    [Fact]
    public async Task Search_on_the_Chinese_pages_finds_Chinese_articles_with_a_Chinese_interface()
    {
        var article = await ChineseArticles.AddAsync(factory, "chengyu-search");

        var (response, page) = await Html.GetAsync(factory.CreateBrowserClient(), "/zh/search?q=" + Uri.EscapeDataString("解放碑"));

        Html.AssertStatus(response, HttpStatusCode.OK);
        Assert.Equal("搜索", page.Text("main h1"));
        Assert.Contains($"/zh/article/{article.Slug}", page.QuerySelectorAll(".search-result h2 a").Select(a => a.GetAttribute("href")));
        Assert.Contains("搜索结果", page.Text(".result-count"));
    }

    private static JsonElement NewsArticle(IDocument page) =>
        page.QuerySelectorAll("script[type='application/ld+json']")
            .Select(s => JsonDocument.Parse(s.TextContent).RootElement)
            .Single(e => e.GetProperty("@type").GetString() == "NewsArticle");
}
