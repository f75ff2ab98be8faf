using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Data;
using NewsPortal.Core.Messages;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Articles;

/// <summary>
/// Deep listing pages start where the page starts instead of counting past every earlier article; they
/// must show exactly what counting would show, and follow every change at once.
/// </summary>
public sealed class PagingDeepListings(UncachedPortalFactory factory) : IClassFixture<UncachedPortalFactory>
{
    private const int PageSize = Paging.DefaultPageSize;

    [Fact]
    public async Task Every_page_of_a_long_section_shows_what_counting_from_the_newest_would_show()
    {
        await AddManyAsync("culture", "Culture archive", 150, tag: null);
        var client = factory.CreateBrowserClient();

        var pages = (await VisibleCountAsync("culture") + PageSize - 1) / PageSize;
        Assert.True(pages > 7);
        foreach (var page in Enumerable.Range(1, pages))
        {
            Assert.Equal(await ExpectedAsync(page, a => a.Section!.Slug == "culture"), await HeadlinesAsync(client, $"/section/culture?page={page}"));
        }

        var (beyond, _) = await Html.GetAsync(client, $"/section/culture?page={pages + 1}");
        Html.AssertStatus(beyond, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Deep_tag_pages_show_what_counting_would_show()
    {
        await AddManyAsync("travel", "Rail journey", 140, tag: "rail-journeys");
        var client = factory.CreateBrowserClient();

        foreach (var page in new[] { 7, 6, 2, 7 })
        {
            Assert.Equal(
                await ExpectedAsync(page, a => a.Tags.Any(t => t.Slug == "rail-journeys")),
                await HeadlinesAsync(client, $"/tag/rail-journeys?page={page}"));
        }
    }

    [Fact]
    public async Task A_deep_page_follows_a_publication_and_a_withdrawal_at_once()
    {
        await AddManyAsync("science-tech", "Lab notes", 150, tag: null);
        var client = factory.CreateBrowserClient();
        const string url = "/section/science-tech?page=7";
        var before = await HeadlinesAsync(client, url);

        var fresh = await TestArticles.AddAsync(factory, "Lab notes breaking news", sectionSlug: "science-tech");
        var afterPublishing = await HeadlinesAsync(client, url);
        Assert.Equal(await ExpectedAsync(7, a => a.Section!.Slug == "science-tech"), afterPublishing);
        Assert.NotEqual(before, afterPublishing);

        await factory.WithDbAsync(async db =>
        {
            var article = await db.Articles.SingleAsync(a => a.Id == fresh.Id);
            article.Status = ArticleStatus.Unpublished;
            await db.SaveChangesAsync();
        });
        Assert.Equal(before, await HeadlinesAsync(client, url));
    }

    [Fact]
    public async Task An_article_published_for_a_later_time_joins_deep_pages_when_its_time_comes()
    {
        await AddManyAsync("sport", "Match report", 150, tag: null);
        var client = factory.CreateBrowserClient();
        const string url = "/section/sport?page=7";
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        await TestArticles.AddAsync(factory, "Cup final preview for tomorrow", sectionSlug: "sport", publishedAt: now.AddHours(1));
        var before = await HeadlinesAsync(client, url);
        Assert.Equal(await ExpectedAsync(7, a => a.Section!.Slug == "sport"), before);

        factory.Clock.Advance(TimeSpan.FromHours(2));

        var after = await HeadlinesAsync(client, url);
        Assert.Equal(await ExpectedAsync(7, a => a.Section!.Slug == "sport"), after);
        Assert.NotEqual(before, after);
    }

    [Fact]
    public async Task Saving_content_moves_the_content_version_on_and_saving_a_message_does_not()
    {
        var start = await VersionAsync();

        await TestArticles.AddAsync(factory, "Version check story");
        var afterArticle = await VersionAsync();
        Assert.True(afterArticle > start);

        await factory.WithDbAsync(async db =>
        {
            db.Messages.Add(new Message
            {
                Reference = "NP-TEST-VERS",
                Name = "Reader",
                Email = "reader@example.org",
                Subject = "Hello",
                Body = "A message does not change what listings hold.",
                ReceivedAt = factory.Clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync();
        });
        Assert.Equal(afterArticle, await VersionAsync());
    }

    private Task<long> VersionAsync() =>
        factory.WithDbAsync(db => db.ContentVersions.Where(v => v.Id == ContentVersion.SingletonId).Select(v => v.Value).SingleAsync());

    private Task AddManyAsync(string sectionSlug, string prefix, int count, string? tag) =>
        AddManyAsync(factory, sectionSlug, prefix, count, tag);

    internal static async Task AddManyAsync(PortalFactory factory, string sectionSlug, string prefix, int count, string? tag)
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        await factory.WithDbAsync(async db =>
        {
            var section = await db.Sections.SingleAsync(s => s.Slug == sectionSlug);
            Tag? label = null;
            if (tag is not null)
            {
                label = new Tag { Name = tag.Replace('-', ' '), Slug = tag };
                db.Tags.Add(label);
            }

            for (var i = 0; i < count; i++)
            {
                // Every third article shares its time with the one before, so ties are settled by id.
                var at = now.AddMinutes(-30 - (i - (i % 3 == 2 ? 1 : 0)));
                db.Articles.Add(new Article
                {
                    Headline = $"{prefix} {i:D3}",
                    Slug = Slug.From($"{prefix} {i:D3}"),
                    Standfirst = "Standfirst.",
                    BodyMarkdown = "Body.",
                    BodyHtml = "<p>Body.</p>",
                    BodyText = "Body.",
                    Status = i % 10 == 9 ? ArticleStatus.Draft : ArticleStatus.Published,
                    PublishedAt = i % 10 == 9 ? null : at,
                    CreatedAt = now,
                    UpdatedAt = now,
                    SectionId = section.Id,
                    Tags = label is null ? [] : [label],
                });
            }

            await db.SaveChangesAsync();
        });
    }

    private Task<int> VisibleCountAsync(string sectionSlug)
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        return factory.WithDbAsync(db => db.Articles.CountAsync(a =>
            a.Section!.Slug == sectionSlug && a.Status == ArticleStatus.Published && a.PublishedAt <= now));
    }

    private Task<List<string>> ExpectedAsync(int page, System.Linq.Expressions.Expression<Func<Article, bool>> inListing) =>
        ExpectedAsync(factory, page, inListing);

    /// <summary>The page's headlines as counting from the newest gives them.</summary>
    internal static Task<List<string>> ExpectedAsync(PortalFactory factory, int page, System.Linq.Expressions.Expression<Func<Article, bool>> inListing)
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        return factory.WithDbAsync(db => db.Articles
            .Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now)
            .Where(inListing)
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(a => a.Headline)
            .ToListAsync());
    }

    internal static async Task<List<string>> HeadlinesAsync(HttpClient client, string url)
    {
        var (response, page) = await Html.GetAsync(client, url);
        Html.AssertStatus(response, HttpStatusCode.OK);
        return page.QuerySelectorAll(".card h3").Select(h => h.TextContent.Trim()).ToList();
    }
}

/// <summary>With the content version row gone, nothing recorded about a listing can be trusted: pages count.</summary>
public sealed class PagingWithoutAContentVersion(UncachedPortalFactory factory) : IClassFixture<UncachedPortalFactory>
{
    [Fact]
    public async Task Deep_pages_count_from_the_newest_and_follow_a_publication()
    {
        await PagingDeepListings.AddManyAsync(factory, "business", "Market wrap", 150, tag: null);
        await factory.WithDbAsync(db => db.ContentVersions.ExecuteDeleteAsync());
        var client = factory.CreateBrowserClient();
        const string url = "/section/business?page=7";
        var before = await PagingDeepListings.HeadlinesAsync(client, url);
        Assert.Equal(await PagingDeepListings.ExpectedAsync(factory, 7, a => a.Section!.Slug == "business"), before);

        await TestArticles.AddAsync(factory, "Market wrap late edition", sectionSlug: "business");

        var after = await PagingDeepListings.HeadlinesAsync(client, url);
        Assert.Equal(await PagingDeepListings.ExpectedAsync(factory, 7, a => a.Section!.Slug == "business"), after);
        Assert.NotEqual(before, after);
    }
}
