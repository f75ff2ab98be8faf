using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Articles;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Home;

public sealed class BrowsingTheHomePage(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Home_leads_with_the_newest_published_article_and_lists_the_latest()
    {
        var newest = await TestArticles.AddAsync(factory, "Breaking story from the newsroom");
        var client = factory.CreateBrowserClient();

        var (response, page) = await Html.GetAsync(client, "/");

        Html.AssertStatus(response, HttpStatusCode.OK);
        Assert.Equal(newest.Headline, page.Text("#lead-headline"));
        var expected = await factory.WithDbAsync(db => db.Articles
            .Where(a => a.Status == ArticleStatus.Published && a.Id != newest.Id)
            .OrderByDescending(a => a.PublishedAt).Select(a => a.Headline).Take(3).ToListAsync());
        var latest = page.QuerySelectorAll(".latest .card h3").Select(h => h.TextContent.Trim()).Take(3).ToList();
        Assert.Equal(expected, latest);
        Assert.True(page.QuerySelectorAll(".section-block").Length >= 6);
        Assert.Equal(5, page.QuerySelectorAll(".most-read li").Length);
    }

    [Fact]
    public async Task A_section_listing_is_paged_with_stable_urls()
    {
        for (var i = 0; i < 25; i++)
        {
            await TestArticles.AddAsync(factory, $"Sport filler story number {i}", sectionSlug: "sport",
                publishedAt: factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(-10 - i));
        }

        var client = factory.CreateBrowserClient();
        var (first, page1) = await Html.GetAsync(client, "/section/sport");
        var (second, page2) = await Html.GetAsync(client, "/section/sport?page=2");

        Html.AssertStatus(first, HttpStatusCode.OK);
        Html.AssertStatus(second, HttpStatusCode.OK);
        Assert.Equal(20, page1.QuerySelectorAll(".card").Length);
        Assert.Equal("Sport filler story number 0", page1.QuerySelector(".card h3")!.TextContent.Trim());
        Assert.Equal("/section/sport?page=2", page1.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.Equal("/section/sport", page2.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        var onBoth = page1.QuerySelectorAll(".card h3").Select(h => h.TextContent).Intersect(page2.QuerySelectorAll(".card h3").Select(h => h.TextContent));
        Assert.Empty(onBoth);
    }

    [Fact]
    public async Task The_footer_shows_what_configuration_says()
    {
        var client = factory.CreateBrowserClient();

        var (_, page) = await Html.GetAsync(client, "/");

        var footer = page.QuerySelector("footer.site-footer")!.TextContent;
        Assert.Contains("+86-23-0000-0000", footer);
        Assert.Contains("渝ICP备00000000号-1", footer);
        Assert.Contains("互联网新闻信息服务许可证号", footer);
        Assert.Contains("newsroom@newsportal.example", footer);
        Assert.Contains("A Land of Natural Beauty, A City with Cultural Appeal", footer);
        Assert.NotNull(page.QuerySelector("footer a[href='/message']"));
    }

    [Fact]
    public async Task Health_answers_with_the_database_reachable()
    {
        var client = factory.CreateBrowserClient();

        var response = await client.GetAsync("/health");

        Html.AssertStatus(response, HttpStatusCode.OK);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_file_in_the_top_level_wwwroot_is_served()
    {
        var client = factory.CreateBrowserClient();

        var response = await client.GetAsync("/css/site.css");

        Html.AssertStatus(response, HttpStatusCode.OK);
        var repoFile = await File.ReadAllTextAsync(Path.Combine(RepoRoot(), "wwwroot", "css", "site.css"));
        Assert.Equal(repoFile, await response.Content.ReadAsStringAsync());
    }

    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NewsPortal.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repository root not found");
    }

    [Theory]
    [InlineData("?page=2")]
    [InlineData("?page=0")]
    [InlineData("?page=abc")]
    public async Task The_home_page_has_no_second_page(string query)
    {
        var response = await factory.CreateBrowserClient().GetAsync("/" + query);

        Html.AssertStatus(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task No_demo_article_says_it_was_updated_in_the_future()
    {
        var now = DateTime.UtcNow;
        var future = await factory.WithDbAsync(db => db.Articles.CountAsync(a => a.UpdatedAt > now));

        Assert.Equal(0, future);
    }
}
