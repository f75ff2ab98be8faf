using AngleSharp.Dom;
using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Newsroom;

public sealed class PublishingArticles(NewsroomFactory factory) : IClassFixture<NewsroomFactory>
{
    [Fact]
    public async Task An_editor_writes_a_draft_readers_cannot_see_then_publishes_it_to_the_home_page_and_its_section()
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        var reader = factory.CreateBrowserClient();

        var id = await ArticleForms.CreateAsync(factory, editor, "Cable car extends its evening hours", "The cable car now runs until **23:00**.");

        var (_, edit) = await Html.GetAsync(editor, $"/staff/articles/edit/{id}");
        Assert.Contains("Saved as a draft", edit.Text("#notice"));
        Assert.Equal("cable-car-extends-its-evening-hours", edit.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Slug")!.Value);
        Html.AssertStatus(await reader.GetAsync("/article/cable-car-extends-its-evening-hours"), HttpStatusCode.NotFound);
        Assert.DoesNotContain("Cable car extends its evening hours", await reader.GetStringAsync("/"));
        var (_, drafts) = await Html.GetAsync(editor, "/staff/articles?status=draft");
        Assert.Contains("Cable car extends its evening hours", drafts.Text("#article-list"));

        var published = await ArticleForms.PressAsync(editor, id, "publish");

        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var (articleResponse, article) = await Html.GetAsync(reader, "/article/cable-car-extends-its-evening-hours");
        Html.AssertStatus(articleResponse, HttpStatusCode.OK);
        Assert.Equal("Cable car extends its evening hours", article.Text("h1#headline"));
        Assert.Equal("23:00", article.Text(".article-body strong"));
        Assert.Contains("Test Reporter", article.Text(".byline"));
        Assert.Contains("Cable car extends its evening hours", (await Html.GetAsync(reader, "/")).Document.Text("main"));
        Assert.Contains("Cable car extends its evening hours", (await Html.GetAsync(reader, "/section/city")).Document.Text("main"));
        Assert.Contains("Cable car extends its evening hours", (await Html.GetAsync(reader, "/tag/newsroom-tests")).Document.Text("main"));
        var stored = await factory.WithDbAsync(db => db.Articles.SingleAsync(a => a.Id == id));
        Assert.Equal(ArticleStatus.Published, stored.Status);
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime, stored.PublishedAt!.Value, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_script_written_in_the_markdown_body_is_inert_on_the_published_page()
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        await ArticleForms.CreateAsync(factory, editor, "Hostile body from the newsroom form",
            "<script>alert('x')</script>\n\n[click me](javascript:alert(1))\n\n<img src=x onerror=alert(2)>", command: "publish");

        var (response, page) = await Html.GetAsync(factory.CreateBrowserClient(), "/article/hostile-body-from-the-newsroom-form");

        Html.AssertStatus(response, HttpStatusCode.OK);
        var body = page.QuerySelector(".article-body")!;
        Assert.Empty(page.QuerySelectorAll("main script"));
        Assert.Empty(body.QuerySelectorAll("img[onerror]"));
        Assert.DoesNotContain(body.QuerySelectorAll("a"), a => (a.GetAttribute("href") ?? "").Contains("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("<script>alert('x')</script>", body.TextContent);
    }

    [Fact]
    public async Task Preview_shows_the_body_as_readers_will_see_it_and_saves_nothing()
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        var before = await factory.WithDbAsync(db => db.Articles.CountAsync());

        var response = await ArticleForms.SubmitAsync(editor, ArticleForms.NewArticle, "preview", new Dictionary<string, string>
        {
            ["Input.Headline"] = "Preview only story",
            ["Input.Body"] = "## A subheading\n\nText with <b>tags</b> and a [link](https://example.org).",
        });

        Html.AssertStatus(response, HttpStatusCode.OK);
        var page = await Html.ParseAsync(response);
        Assert.Equal("A subheading", page.Text("#preview .article-body h2"));
        Assert.Contains("<b>tags</b>", page.Text("#preview .article-body p"));
        Assert.Equal("https://example.org", page.QuerySelector("#preview .article-body a")!.GetAttribute("href"));
        Assert.Contains("## A subheading", page.QuerySelector<AngleSharp.Html.Dom.IHtmlTextAreaElement>("#Input_Body")!.Value);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Articles.CountAsync()));
    }

    [Fact]
    public async Task A_form_with_problems_is_shown_again_with_clear_messages_and_nothing_is_saved()
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        var before = await factory.WithDbAsync(db => db.Articles.CountAsync());

        var response = await ArticleForms.SubmitAsync(editor, ArticleForms.NewArticle, "publish", new Dictionary<string, string>
        {
            ["Input.Headline"] = new string('H', ArticleLimits.Headline + 1),
            ["Input.SectionId"] = "0",
            ["Input.Body"] = "Some text I typed.",
        });

        Html.AssertStatus(response, HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        Assert.Contains($"at most {ArticleLimits.Headline} characters", page.Text("#article-form .errors"));
        Assert.Contains("Choose a section", page.Text("#article-form .errors"));
        Assert.Equal("Some text I typed.", page.QuerySelector<AngleSharp.Html.Dom.IHtmlTextAreaElement>("#Input_Body")!.Value);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Articles.CountAsync()));
    }

    [Fact]
    public async Task Changing_the_slug_of_a_published_article_keeps_a_301_from_the_old_address()
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        var id = await ArticleForms.CreateAsync(factory, editor, "Bridge reopens after repairs", command: "publish");

        var saved = await ArticleForms.PressAsync(editor, id, "save", new Dictionary<string, string> { ["Input.Slug"] = "Yangtze Bridge Reopens" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var reader = factory.CreateBrowserClient();
        var old = await reader.GetAsync("/article/bridge-reopens-after-repairs");
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("/article/yangtze-bridge-reopens", old.Headers.Location?.ToString());
        Html.AssertStatus(await reader.GetAsync("/article/yangtze-bridge-reopens"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_slug_another_article_uses_is_refused_but_a_generated_one_gets_a_number()
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        await ArticleForms.CreateAsync(factory, editor, "Library opens a night reading room");

        var typed = await ArticleForms.SubmitAsync(editor, ArticleForms.NewArticle, "save-draft", new Dictionary<string, string>
        {
            ["Input.Headline"] = "Another library story",
            ["Input.Slug"] = "library-opens-a-night-reading-room",
            ["Input.SectionId"] = (await ArticleForms.SectionIdAsync(factory)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Html.AssertStatus(typed, HttpStatusCode.BadRequest);
        Assert.Contains("Another article already uses this slug", (await Html.ParseAsync(typed)).Text("#article-form .errors"));

        var generatedId = await ArticleForms.CreateAsync(factory, editor, "Library opens a night reading room");
        Assert.Equal("library-opens-a-night-reading-room-2", await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == generatedId).Select(a => a.Slug).SingleAsync()));
    }

    [Fact]
    public async Task An_unpublished_article_leaves_the_listings_and_answers_410()
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        var id = await ArticleForms.CreateAsync(factory, editor, "Night market moves to the old pier", command: "publish");
        var reader = factory.CreateBrowserClient();
        Assert.Contains("Night market moves to the old pier", await reader.GetStringAsync("/section/city"));

        var unpublished = await ArticleForms.PressAsync(editor, id, "unpublish");

        Assert.Equal(HttpStatusCode.Redirect, unpublished.StatusCode);
        var (gone, page) = await Html.GetAsync(reader, "/article/night-market-moves-to-the-old-pier");
        Html.AssertStatus(gone, HttpStatusCode.Gone);
        Assert.Contains("withdrawn", page.Text("main"));
        Assert.DoesNotContain("Night market moves to the old pier", await reader.GetStringAsync("/"));
        Assert.DoesNotContain("Night market moves to the old pier", await reader.GetStringAsync("/section/city"));

        // The tag's page is gone (404) when this was its only article, else it no longer lists it.
        var tag = await reader.GetAsync("/tag/newsroom-tests");
        Assert.True(tag.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.OK, $"the tag page answered {tag.StatusCode}");
        Assert.DoesNotContain("Night market moves to the old pier", await tag.Content.ReadAsStringAsync());
        var (_, list) = await Html.GetAsync(editor, "/staff/articles?status=unpublished");
        Assert.Contains("Night market moves to the old pier", list.Text("#article-list"));
    }

    [Fact]
    public async Task A_correction_is_shown_to_readers_under_the_article_with_its_date()
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        var id = await ArticleForms.CreateAsync(factory, editor, "Stadium capacity figure corrected", command: "publish");
        var (_, edit) = await Html.GetAsync(editor, $"/staff/articles/edit/{id}");

        var response = await Html.SubmitAsync(editor, edit, "#correction-form", new Dictionary<string, string>
        {
            ["CorrectionText"] = "An earlier version gave the capacity as 60,000; it is 58,000.",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, article) = await Html.GetAsync(factory.CreateBrowserClient(), "/article/stadium-capacity-figure-corrected");
        Assert.Contains("it is 58,000", article.Text(".corrections"));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T", article.QuerySelector(".corrections time")!.GetAttribute("datetime"));
    }

    [Fact]
    public async Task The_article_list_searches_headlines_and_pages_through_results()
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        await ArticleForms.CreateAsync(factory, editor, "Zebra crossing 100% repainted_downtown");

        var (response, page) = await Html.GetAsync(editor, "/staff/articles?q=100%25 repainted_");

        Html.AssertStatus(response, HttpStatusCode.OK);
        Assert.Single(page.QuerySelectorAll("#article-list tbody tr"));
        var (_, all) = await Html.GetAsync(editor, "/staff/articles");
        Assert.Equal(25, all.QuerySelectorAll("#article-list tbody tr").Length);
        Assert.NotNull(all.QuerySelector(".pager a[rel=next]"));
        var (second, _) = await Html.GetAsync(editor, "/staff/articles?page=2");
        Html.AssertStatus(second, HttpStatusCode.OK);
        Html.AssertStatus((await Html.GetAsync(editor, "/staff/articles?page=-3")).Response, HttpStatusCode.NotFound);
    }
}
