using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Articles;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Articles;

public sealed class ReadingArticles(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task An_article_page_renders_its_markdown_with_byline_times_and_tags()
    {
        var client = factory.CreateBrowserClient();
        var slug = await factory.WithDbAsync(db => db.Articles.Where(a => a.Tags.Any()).OrderBy(a => a.Id).Select(a => a.Slug).FirstAsync());

        var (response, page) = await Html.GetAsync(client, $"/article/{slug}");

        Html.AssertStatus(response, HttpStatusCode.OK);
        Assert.NotEmpty(page.QuerySelectorAll(".article-body h2"));
        Assert.NotEmpty(page.QuerySelectorAll(".article-body table"));
        Assert.NotEmpty(page.QuerySelectorAll(".article-body blockquote"));
        Assert.NotEmpty(page.QuerySelectorAll(".article-body ul li"));
        Assert.Contains("By", page.Text(".byline"));
        var time = page.QuerySelector(".meta time")!;
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$", time.GetAttribute("datetime"));
        Assert.NotEmpty(page.QuerySelectorAll(".tags a[rel=tag]"));
        Assert.Contains("min read", page.Text(".article .meta"));
    }

    [Fact]
    public async Task Related_shows_the_newest_that_share_a_tag_then_the_newest_of_the_section_without_repeats()
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var story = await TestArticles.AddAsync(factory, "Ferry lore of the upper river", sectionSlug: "travel", publishedAt: now.AddMinutes(-1));
        var otherSection = await TestArticles.AddAsync(factory, "Ferry lore reaches the sports pages", sectionSlug: "sport", publishedAt: now.AddHours(-2));
        var sameSection = await TestArticles.AddAsync(factory, "Ferry lore from the lower river", sectionSlug: "travel", publishedAt: now.AddHours(-3));
        var draft = await TestArticles.AddAsync(factory, "Ferry lore still being written", ArticleStatus.Draft, sectionSlug: "travel");
        await factory.WithDbAsync(async db =>
        {
            var tag = new Tag { Name = "Ferry lore", Slug = "ferry-lore" };
            foreach (var article in await db.Articles.Where(a => new[] { story.Id, otherSection.Id, sameSection.Id, draft.Id }.Contains(a.Id)).ToListAsync())
            {
                article.Tags.Add(tag);
            }

            await db.SaveChangesAsync();
        });
        var newestOthersInSection = await factory.WithDbAsync(db => db.Articles
            .Where(a => a.Section!.Slug == "travel" && a.Status == ArticleStatus.Published && a.PublishedAt <= now
                && a.Id != story.Id && a.Id != sameSection.Id)
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Select(a => a.Headline).Take(2).ToListAsync());
        var client = factory.CreateBrowserClient();

        var (response, page) = await Html.GetAsync(client, $"/article/{story.Slug}");

        Html.AssertStatus(response, HttpStatusCode.OK);
        Assert.Equal(2, newestOthersInSection.Count);
        Assert.Equal(
            [otherSection.Headline, sameSection.Headline, .. newestOthersInSection],
            page.QuerySelectorAll(".related .card h3").Select(h => h.TextContent.Trim()).ToList());
    }

    [Fact]
    public async Task A_script_written_in_markdown_is_inert_on_the_page()
    {
        var article = await TestArticles.AddAsync(factory, "Hostile markdown test story",
            markdown: "<script>alert(1)</script>\n\n[click](javascript:alert(2))\n\n<img src=x onerror=alert(3)>\n\ntext {onclick=alert(4)}");
        var client = factory.CreateBrowserClient();

        var (response, page) = await Html.GetAsync(client, $"/article/{article.Slug}");

        Html.AssertStatus(response, HttpStatusCode.OK);
        var body = page.QuerySelector(".article-body")!;
        Assert.Empty(body.QuerySelectorAll("script"));
        Assert.Empty(body.QuerySelectorAll("img[onerror]"));
        Assert.Empty(body.QuerySelectorAll("[onclick]"));
        Assert.DoesNotContain(body.QuerySelectorAll("a"), a => (a.GetAttribute("href") ?? "").StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("&lt;script&gt;", body.InnerHtml);
    }

    [Fact]
    public async Task An_old_slug_answers_301_to_the_current_url()
    {
        var article = await TestArticles.AddAsync(factory, "Story that was renamed later");
        await factory.WithDbAsync(async db =>
        {
            var stored = await db.Articles.SingleAsync(a => a.Id == article.Id);
            db.ArticleSlugs.Add(new ArticleSlug { ArticleId = stored.Id, Slug = stored.Slug, RetiredAt = DateTime.UtcNow });
            stored.Slug = "story-with-its-new-name";
            await db.SaveChangesAsync();
        });
        var client = factory.CreateBrowserClient();

        var response = await client.GetAsync("/article/story-that-was-renamed-later");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/article/story-with-its-new-name", response.Headers.Location?.ToString());
        Html.AssertStatus(await client.GetAsync("/article/story-with-its-new-name"), HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/article/no-such-story")]
    [InlineData("/article/..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/section/no-such-section")]
    [InlineData("/tag/no-such-tag")]
    [InlineData("/author/nobody-here")]
    [InlineData("/section/city?page=0")]
    [InlineData("/section/city?page=-1")]
    [InlineData("/section/city?page=99999999999")]
    [InlineData("/section/city?page=abc")]
    [InlineData("/section/city?page=999")]
    [InlineData("/no/such/page")]
    public async Task An_unknown_address_answers_404_with_the_sites_own_page(string url)
    {
        var client = factory.CreateBrowserClient();

        var (response, page) = await Html.GetAsync(client, url);

        Html.AssertStatus(response, HttpStatusCode.NotFound);
        Assert.Equal("Page not found", page.Text("h1"));
        Assert.NotNull(page.QuerySelector("footer.site-footer"));
    }

    [Fact]
    public async Task A_draft_or_future_article_is_invisible_everywhere()
    {
        var draft = await TestArticles.AddAsync(factory, "Secret draft headline", ArticleStatus.Draft);
        var future = await TestArticles.AddAsync(factory, "Future scheduled headline", ArticleStatus.Scheduled,
            factory.Clock.GetUtcNow().UtcDateTime.AddDays(1));
        var postdated = await TestArticles.AddAsync(factory, "Postdated published headline", ArticleStatus.Published,
            factory.Clock.GetUtcNow().UtcDateTime.AddHours(3));
        var client = factory.CreateBrowserClient();

        foreach (var article in new[] { draft, future, postdated })
        {
            Html.AssertStatus(await client.GetAsync($"/article/{article.Slug}"), HttpStatusCode.NotFound);
        }

        foreach (var url in new[] { "/", "/section/city", "/tag/riverside", "/author/lin-xiaoyu" })
        {
            var html = await client.GetStringAsync(url);
            Assert.DoesNotContain("Secret draft headline", html);
            Assert.DoesNotContain("Future scheduled headline", html);
            Assert.DoesNotContain("Postdated published headline", html);
        }
    }

    [Fact]
    public async Task An_unpublished_article_answers_410()
    {
        var article = await TestArticles.AddAsync(factory, "Story that was withdrawn", ArticleStatus.Unpublished,
            factory.Clock.GetUtcNow().UtcDateTime.AddDays(-1));
        var client = factory.CreateBrowserClient();

        var (response, page) = await Html.GetAsync(client, $"/article/{article.Slug}");

        Html.AssertStatus(response, HttpStatusCode.Gone);
        Assert.Equal("No longer available", page.Text("h1"));
    }
}
