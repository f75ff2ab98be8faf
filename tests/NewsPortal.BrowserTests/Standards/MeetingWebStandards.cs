using System.Net;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Microsoft.Playwright;
using NewsPortal.BrowserTests.Infrastructure;

namespace NewsPortal.BrowserTests.Standards;

/// <summary>
/// The reader pages pass the W3C Nu HTML Checker and axe-core, their internal links work, and the feeds
/// and sitemaps parse. Run against the real portal on Kestrel, with demo content.
/// </summary>
public sealed class MeetingWebStandards(PortalServer portal) : IClassFixture<PortalServer>
{
    /// <summary>The pages checked: home, a section, an article, search results, the message form, the privacy page, the topic, author and tag pages and indexes; and the Chinese pages.</summary>
    public static readonly string[] Pages =
    [
        "/",
        "/section/city",
        "/article/riverside-walkway-reopens-after-two-year-restoration",
        "/search?q=river",
        "/message",
        "/privacy",
        "/zh/",
        "/zh/section/city",
        "/zh/article/riverside-walkway-reopens-after-two-year-restoration",
        "/zh/search?q=river",
        "/zh/message",
        "/zh/privacy",
        "/zh/terms",
        "/zh/cookie-settings",
        "/topics",
        "/topic/chengdu-chongqing-economic-circle",
        "/authors",
        "/author/lin-xiaoyu",
        "/tags",
    ];

    private HttpClient NewClient() => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(portal.BaseUrl) };

    [Fact]
    public async Task The_nu_html_checker_reports_no_errors()
    {
        using var client = NewClient();
        var folder = Directory.CreateTempSubdirectory("newsportal-vnu-").FullName;
        try
        {
            var files = new Dictionary<string, string>();
            for (var i = 0; i < Pages.Length; i++)
            {
                var response = await client.GetAsync(Pages[i]);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var file = Path.Combine(folder, $"page{i}.html");
                await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
                files[Path.GetFileName(file)] = Pages[i];
            }

            var messages = await StandardsTools.CheckHtmlAsync(files.Keys.Select(f => Path.Combine(folder, f)).ToList());

            var errors = messages.Where(m => m.Type is "error" or "non-document-error").ToList();
            Assert.True(errors.Count == 0, "Nu HTML Checker errors:\n" + string.Join('\n', errors.Select(e =>
                $"{files.GetValueOrDefault(e.File, e.File)} line {e.Line}: {e.Message} [{e.Extract?.Trim()}]")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Axe_reports_no_accessibility_violations()
    {
        // The site's Content-Security-Policy rightly refuses inline script; the checker is injected around it.
        await using var context = await portal.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = portal.BaseUrl,
            BypassCSP = true,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        var found = new List<string>();
        foreach (var url in Pages)
        {
            var response = await page.GotoAsync(url);
            Assert.Equal(200, response!.Status);
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = StandardsTools.AxeScript });
            var violations = await page.EvaluateAsync<JsonElement>("""
                async () => (await axe.run(document)).violations.map(v => ({
                    id: v.id,
                    impact: v.impact,
                    help: v.help,
                    targets: v.nodes.map(n => n.target.join(' ')),
                }))
                """);
            foreach (var v in violations.EnumerateArray())
            {
                found.Add($"{url}: {v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}) {v.GetProperty("help").GetString()} at {string.Join(", ", v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()))}");
            }
        }

        Assert.True(found.Count == 0, "axe violations:\n" + string.Join('\n', found));
    }

    [Fact]
    public async Task Every_internal_link_on_the_checked_pages_works()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        var origin = new Uri(portal.BaseUrl);
        var targets = new Dictionary<string, string>();
        foreach (var url in Pages)
        {
            await page.GotoAsync(url);
            var hrefs = await page.EvaluateAsync<string[]>("""
                () => [
                    ...[...document.querySelectorAll('a[href], link[href]')].map(e => e.href),
                    ...[...document.querySelectorAll('img[src], script[src], source[src]')].map(e => e.src),
                    ...[...document.querySelectorAll('form[action]')].filter(f => f.method === 'get').map(f => f.action),
                ]
                """);
            foreach (var href in hrefs)
            {
                if (Uri.TryCreate(href, UriKind.Absolute, out var target) && target.Scheme is "http" or "https"
                    && target.Host == origin.Host && target.Port == origin.Port)
                {
                    targets.TryAdd(target.PathAndQuery, url);
                }
            }
        }

        using var client = NewClient();
        var broken = new List<string>();
        foreach (var (target, foundOn) in targets)
        {
            var response = await client.GetAsync(target);
            if (response.StatusCode is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
                or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect && response.Headers.Location is { } location)
            {
                // An intended redirect: it must lead to a page that answers.
                response = await client.GetAsync(location);
            }

            if (response.StatusCode != HttpStatusCode.OK)
            {
                broken.Add($"{target} (on {foundOn}) answered {(int)response.StatusCode}");
            }
        }

        Assert.True(targets.Count > 40, $"Only {targets.Count} internal links were found");
        Assert.True(broken.Count == 0, "Broken internal links:\n" + string.Join('\n', broken));
    }

    [Fact]
    public async Task Feeds_parse_as_rss_and_atom_and_sitemaps_as_sitemaps_org_xml()
    {
        using var client = NewClient();

        foreach (var (url, atom) in new[] { ("/feed/rss.xml", false), ("/feed/atom.xml", true), ("/section/city/rss.xml", false), ("/section/city/atom.xml", true),
            ("/topic/chengdu-chongqing-economic-circle/rss.xml", false), ("/topic/chengdu-chongqing-economic-circle/atom.xml", true) })
        {
            using var reader = XmlReader.Create(await client.GetStreamAsync(url));
            SyndicationFeedFormatter formatter = atom ? new Atom10FeedFormatter() : new Rss20FeedFormatter();
            Assert.True(formatter.CanRead(reader), $"{url} is not {(atom ? "Atom 1.0" : "RSS 2.0")}");
            formatter.ReadFrom(reader);
            Assert.NotEmpty(formatter.Feed.Items);
            Assert.All(formatter.Feed.Items, i => Assert.StartsWith(portal.BaseUrl + "/article/", i.Links[0].Uri.ToString()));
        }

        XNamespace sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
        XNamespace news = "http://www.google.com/schemas/sitemap-news/0.9";
        var index = XDocument.Parse(await client.GetStringAsync("/sitemap.xml"));
        Assert.True(index.Root!.Name == sitemap + "urlset" || index.Root.Name == sitemap + "sitemapindex", $"Unexpected root {index.Root.Name}");
        Assert.All(index.Root.Descendants(sitemap + "loc"), loc => Assert.StartsWith(portal.BaseUrl + "/", loc.Value));
        var newsMap = XDocument.Parse(await client.GetStringAsync("/sitemap-news.xml"));
        Assert.Equal(sitemap + "urlset", newsMap.Root!.Name);
        Assert.NotEmpty(newsMap.Root.Descendants(news + "publication"));
    }

    [Fact]
    public async Task A_reader_searches_from_the_masthead_and_sees_highlighted_results()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Searchbox, new PageGetByRoleOptions { Name = "Search articles" }).FillAsync("restoring 成渝");
        await page.GetByRole(AriaRole.Search, new PageGetByRoleOptions { Name = "Site search" }).GetByRole(AriaRole.Button).ClickAsync();
        await page.WaitForURLAsync("**/search?q=*");

        Assert.Contains("result", await page.Locator(".result-count").InnerTextAsync());
        Assert.True(await page.Locator(".snippet mark").First.IsVisibleAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalServer.ScreenshotFolder, "search-results.png"), FullPage = true });

        await page.GotoAsync("/search?q=river");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalServer.ScreenshotFolder, "search-results-river.png"), FullPage = true });
    }

    [Fact]
    public async Task An_article_page_head_describes_the_article_to_browsers_and_link_previews()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(Pages[2]);

        var headline = (await page.Locator("h1#headline").InnerTextAsync()).Trim();
        Assert.Equal($"{headline} | NewsPortal", await page.TitleAsync());
        Assert.Equal(headline, await page.Locator("meta[property='og:title']").GetAttributeAsync("content"));
        Assert.Equal(portal.BaseUrl + Pages[2], await page.Locator("link[rel=canonical]").GetAttributeAsync("href"));
        var data = await page.Locator("script[type='application/ld+json']").First.TextContentAsync();
        using var json = JsonDocument.Parse(data!);
        Assert.Equal(headline, json.RootElement.GetProperty("headline").GetString());

        // What a reader sees at the top of the page, and what the head says (written beside the screenshot).
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalServer.ScreenshotFolder, "article-top.png") });
        var head = await page.EvaluateAsync<string>("() => document.head.outerHTML");
        await File.WriteAllTextAsync(Path.Combine(PortalServer.ScreenshotFolder, "article-head.html"), head);
        await page.SetContentAsync($"<pre style=\"white-space: pre-wrap; font: 12px monospace\">{System.Net.WebUtility.HtmlEncode(head)}</pre>");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalServer.ScreenshotFolder, "article-head.png"), FullPage = true });
    }
}
