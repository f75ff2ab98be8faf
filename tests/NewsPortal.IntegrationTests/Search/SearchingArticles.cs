using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Search;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.IntegrationTests.Newsroom;

namespace NewsPortal.IntegrationTests.Search;

public sealed class SearchingArticles(PortalFactory factory) : IClassFixture<PortalFactory>
{
    internal static List<string> Headlines(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll(".search-result h2").Select(h => h.TextContent.Trim()).ToList();

    [Fact]
    public async Task A_headline_match_ranks_above_a_standfirst_match_above_a_body_match()
    {
        var inBody = await TestArticles.AddAsync(factory, "Harbour authority publishes annual figures",
            markdown: "Among the items discussed was the zephyrine ferry timetable, along with many other matters of routine business.");
        var inHeadline = await TestArticles.AddAsync(factory, "Zephyrine ferry returns to the river", markdown: "A short note on the service.");
        var inStandfirst = await TestArticles.AddAsync(factory, "Ferry operators meet the city council", markdown: "Minutes of the meeting.");
        await factory.WithDbAsync(async db =>
        {
            var article = await db.Articles.SingleAsync(a => a.Id == inStandfirst.Id);
            article.Standfirst = "The zephyrine service was on the agenda.";
            await db.SaveChangesAsync();
        });
        var client = factory.CreateBrowserClient();

        var (response, page) = await Html.GetAsync(client, "/search?q=zephyrine");

        Html.AssertStatus(response, HttpStatusCode.OK);
        Assert.Equal([inHeadline.Headline, inStandfirst.Headline, inBody.Headline], Headlines(page));
        Assert.Contains("3 results", page.Text(".result-count"));
        var bodySnippet = page.QuerySelectorAll(".search-result")[2].QuerySelector(".snippet")!;
        Assert.Equal("zephyrine", bodySnippet.QuerySelector("mark")!.TextContent);
    }

    [Fact]
    public async Task Each_term_in_the_headline_counts_whatever_the_age_of_the_article()
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var both = await TestArticles.AddAsync(factory, "Amberline quayside plan approved", markdown: "Short note.", publishedAt: now.AddHours(-3));
        var one = await TestArticles.AddAsync(factory, "Amberline ferries return", markdown: "They berth at the quayside again.", publishedAt: now.AddHours(-2));
        var none = await TestArticles.AddAsync(factory, "Harbour news in brief", markdown: "Amberline boats moored at the quayside.", publishedAt: now.AddHours(-1));
        var client = factory.CreateBrowserClient();

        var (response, page) = await Html.GetAsync(client, "/search?q=amberline+quayside");

        Html.AssertStatus(response, HttpStatusCode.OK);
        Assert.Equal([both.Headline, one.Headline, none.Headline], Headlines(page));
    }

    [Fact]
    public async Task Results_of_equal_rank_come_newest_published_first()
    {
        // Written in one order, published in another: the reader sees publication order.
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var newest = await TestArticles.AddAsync(factory, "Corvellane market opens", publishedAt: now.AddHours(-1));
        var oldest = await TestArticles.AddAsync(factory, "Corvellane bakery opens", publishedAt: now.AddHours(-3));
        var middle = await TestArticles.AddAsync(factory, "Corvellane library opens", publishedAt: now.AddHours(-2));
        var client = factory.CreateBrowserClient();

        var (response, page) = await Html.GetAsync(client, "/search?q=corvellane");

        Html.AssertStatus(response, HttpStatusCode.OK);
        Assert.Equal([newest.Headline, middle.Headline, oldest.Headline], Headlines(page));
    }

    [Fact]
    public async Task English_words_are_found_by_their_stem()
    {
        var restored = await TestArticles.AddAsync(factory, "Old temple gate is restored by volunteers",
            markdown: "Volunteers restored the carved gate over one summer.");
        var client = factory.CreateBrowserClient();

        var (response, page) = await Html.GetAsync(client, "/search?q=restoring");

        Html.AssertStatus(response, HttpStatusCode.OK);
        var found = Headlines(page);
        Assert.Contains(restored.Headline, found);
        Assert.Contains("Riverside Walkway Reopens After Two-Year Restoration", found);
        var marks = page.QuerySelectorAll(".snippet mark").Select(m => m.TextContent.ToLowerInvariant()).ToList();
        Assert.Contains("restored", marks);
    }

    [Fact]
    public async Task Chinese_words_are_found_inside_a_sentence()
    {
        var article = await TestArticles.AddAsync(factory, "Regional planners outline the next five years",
            markdown: "The plan was summed up in one line: 今年成渝地区双城经济圈建设进展顺利，重庆和成都的交通更加便利。");
        var client = factory.CreateBrowserClient();

        foreach (var word in new[] { "成渝", "重庆", "交通", "双城经济圈", "渝" })
        {
            var (response, page) = await Html.GetAsync(client, $"/search?q={Uri.EscapeDataString(word)}");

            Html.AssertStatus(response, HttpStatusCode.OK);
            Assert.Contains(article.Headline, Headlines(page));
        }

        var (_, results) = await Html.GetAsync(client, $"/search?q={Uri.EscapeDataString("成渝")}");
        Assert.Contains(results.QuerySelectorAll(".snippet mark"), m => m.TextContent == "成渝");
        Assert.Contains("成渝 Corridor Logistics Hub Breaks Ground", Headlines(results));
        var (_, none) = await Html.GetAsync(client, $"/search?q={Uri.EscapeDataString("渝成")}");
        Assert.DoesNotContain(article.Headline, Headlines(none));
    }

    [Fact]
    public async Task Drafts_scheduled_and_withdrawn_articles_are_never_found()
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        await TestArticles.AddAsync(factory, "Quillfeather draft headline", ArticleStatus.Draft);
        await TestArticles.AddAsync(factory, "Quillfeather scheduled headline", ArticleStatus.Scheduled, now.AddDays(1));
        await TestArticles.AddAsync(factory, "Quillfeather postdated headline", ArticleStatus.Published, now.AddHours(2));
        await TestArticles.AddAsync(factory, "Quillfeather withdrawn headline", ArticleStatus.Unpublished, now.AddDays(-1));
        var visible = await TestArticles.AddAsync(factory, "Quillfeather published headline");
        var client = factory.CreateBrowserClient();

        var (_, page) = await Html.GetAsync(client, "/search?q=quillfeather");

        Assert.Equal([visible.Headline], Headlines(page));
        Assert.Contains("1 result ", page.Text(".result-count") + " ");
    }

    // Reads and rebuilds the SQLite FTS5 table itself; PostgreSQL's index is a generated column it keeps on its own.
    [Fact]
    [Trait("Provider", "SqliteOnly")]
    public async Task The_index_follows_edits_and_deletions_saved_through_ef_core()
    {
        var article = await TestArticles.AddAsync(factory, "Marblewood bridge opens");
        var client = factory.CreateBrowserClient();
        Assert.Single(Headlines((await Html.GetAsync(client, "/search?q=marblewood")).Document));

        await factory.WithDbAsync(async db =>
        {
            var stored = await db.Articles.SingleAsync(a => a.Id == article.Id);
            stored.Headline = "Cobblestone bridge opens";
            stored.Standfirst = "Renamed.";
            await db.SaveChangesAsync();
        });
        Assert.Empty(Headlines((await Html.GetAsync(client, "/search?q=marblewood")).Document));
        Assert.Equal(["Cobblestone bridge opens"], Headlines((await Html.GetAsync(client, "/search?q=cobblestone")).Document));

        await factory.WithDbAsync(async db =>
        {
            db.Articles.Remove(await db.Articles.SingleAsync(a => a.Id == article.Id));
            await db.SaveChangesAsync();
        });
        var indexRows = await factory.WithDbAsync(db =>
            db.Database.SqlQueryRaw<int>("SELECT count(*) AS Value FROM ArticleSearch WHERE ArticleSearch MATCH 'cobblestone'").SingleAsync());
        Assert.Equal(0, indexRows);
    }

    [Fact]
    public async Task An_article_written_in_the_newsroom_is_found_once_published_and_by_its_edited_text()
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        var id = await ArticleForms.CreateAsync(factory, editor, "Newsroom search check", body: "The quokkabridge plan was announced today.");
        var reader = factory.CreateBrowserClient();
        Assert.Empty(Headlines((await Html.GetAsync(reader, "/search?q=quokkabridge")).Document));

        Assert.Equal(HttpStatusCode.Redirect, (await ArticleForms.PressAsync(editor, id, "publish")).StatusCode);
        Assert.Equal(["Newsroom search check"], Headlines((await Html.GetAsync(reader, "/search?q=quokkabridge")).Document));

        var saved = await ArticleForms.PressAsync(editor, id, "save", new Dictionary<string, string> { ["Input.Body"] = "The wallabyferry plan replaced it." });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Empty(Headlines((await Html.GetAsync(reader, "/search?q=quokkabridge")).Document));
        var (_, edited) = await Html.GetAsync(reader, "/search?q=wallabyferry");
        Assert.Equal(["Newsroom search check"], Headlines(edited));
        Assert.Equal("wallabyferry", edited.QuerySelector(".snippet mark")!.TextContent);
    }

    [Fact]
    public async Task Results_are_paged_with_a_count_and_stable_links()
    {
        for (var i = 0; i < 12; i++)
        {
            await TestArticles.AddAsync(factory, $"Lanternfly survey report part {i}");
        }

        var client = factory.CreateBrowserClient();

        var (first, page1) = await Html.GetAsync(client, "/search?q=lanternfly");
        var (second, page2) = await Html.GetAsync(client, "/search?q=lanternfly&page=2");
        var (beyond, _) = await Html.GetAsync(client, "/search?q=lanternfly&page=3");

        Html.AssertStatus(first, HttpStatusCode.OK);
        Html.AssertStatus(second, HttpStatusCode.OK);
        Html.AssertStatus(beyond, HttpStatusCode.NotFound);
        Assert.Equal(SearchLimits.PageSize, Headlines(page1).Count);
        Assert.Equal(2, Headlines(page2).Count);
        Assert.Empty(Headlines(page1).Intersect(Headlines(page2)));
        Assert.Contains("12 results", page1.Text(".result-count"));
        Assert.Equal("/search?q=lanternfly&page=2", page1.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));
        Assert.Equal("/search?q=lanternfly", page2.QuerySelector(".pager a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("11", page2.QuerySelector("ol.search-results")!.GetAttribute("start"));
    }

    [Fact]
    public async Task An_empty_search_shows_the_search_page_with_a_prompt()
    {
        var client = factory.CreateBrowserClient();

        foreach (var url in new[] { "/search", "/search?q=", "/search?q=%20%20", "/search?q=%22%22" })
        {
            var (response, page) = await Html.GetAsync(client, url);

            Html.AssertStatus(response, HttpStatusCode.OK);
            Assert.Equal("Search", page.Text("h1"));
            Assert.Contains("Type a word or two", page.Text(".search-prompt"));
            Assert.NotNull(page.QuerySelector("form[role=search] input[name=q]"));
        }
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("\"river")]
    [InlineData("river\" OR \"walkway")]
    [InlineData("NEAR(river walkway, 2)")]
    [InlineData("river AND NOT walkway")]
    [InlineData("riv*")]
    [InlineData("^river")]
    [InlineData("headline:river")]
    [InlineData("{Headline Body}:river")]
    [InlineData("((river")]
    [InlineData("river\0walkway")]
    [InlineData("\0")]
    [InlineData("'; DROP TABLE Articles; --")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("重庆\"*")]
    public async Task A_hostile_query_answers_a_clear_page(string query)
    {
        var client = factory.CreateBrowserClient();

        var (response, page) = await Html.GetAsync(client, $"/search?q={Uri.EscapeDataString(query)}");

        Html.AssertStatus(response, HttpStatusCode.OK);
        Assert.Equal("Search", page.Text("h1"));
        Assert.True(page.QuerySelector(".result-count") is not null || page.QuerySelector(".search-prompt") is not null);
        Assert.Empty(page.QuerySelectorAll("main script"));
        Assert.True(await factory.WithDbAsync(db => db.Articles.AnyAsync()));
    }

    [Fact]
    public async Task A_query_of_ten_thousand_characters_answers_400_with_a_message()
    {
        var client = factory.CreateBrowserClient();

        var (response, page) = await Html.GetAsync(client, $"/search?q={new string('x', 10_000)}");

        Html.AssertStatus(response, HttpStatusCode.BadRequest);
        Assert.Contains("at most 200 characters", page.Text(".search-problem"));
        Assert.NotNull(page.QuerySelector("form[role=search] input[name=q]"));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-1")]
    public async Task A_page_number_that_is_not_one_answers_400(string pageNumber)
    {
        var client = factory.CreateBrowserClient();

        var (response, page) = await Html.GetAsync(client, $"/search?q=river&page={pageNumber}");

        Html.AssertStatus(response, HttpStatusCode.BadRequest);
        Assert.Contains("page number", page.Text(".search-problem"));
    }

    [Fact]
    public async Task The_search_box_on_every_page_leads_to_results()
    {
        var client = factory.CreateBrowserClient();
        var (_, home) = await Html.GetAsync(client, "/");

        var form = home.QuerySelector("header form[role=search]")!;
        Assert.Equal("/search", form.GetAttribute("action"));
        Assert.Equal("get", form.GetAttribute("method"));
        var (response, page) = await Html.GetAsync(client, "/search?q=riverside");

        Html.AssertStatus(response, HttpStatusCode.OK);
        Assert.NotEmpty(Headlines(page));
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
    }
}
