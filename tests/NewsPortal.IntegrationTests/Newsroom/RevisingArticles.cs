using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Newsroom;

public sealed class RevisingArticles(NewsroomFactory factory) : IClassFixture<NewsroomFactory>
{
    [Fact]
    public async Task Every_save_keeps_a_revision_and_the_comparison_shows_the_lines_added_and_removed()
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        var id = await ArticleForms.CreateAsync(factory, editor, "Tram museum opens its doors", "First paragraph.\n\nThe museum opens at 9:00.");
        await ArticleForms.PressAsync(editor, id, "publish");
        await ArticleForms.PressAsync(editor, id, "save", new Dictionary<string, string>
        {
            ["Input.Body"] = "First paragraph.\n\nThe museum opens at 10:00.\n\nEntry is free.",
        });

        var (response, page) = await Html.GetAsync(editor, $"/staff/articles/{id}/revisions");

        Html.AssertStatus(response, HttpStatusCode.OK);
        Assert.Equal(3, page.QuerySelectorAll("#revision-list tbody tr").Length);
        var removed = page.QuerySelectorAll("#diff tr.removed").Select(r => r.TextContent).ToList();
        var added = page.QuerySelectorAll("#diff tr.added").Select(r => r.TextContent).ToList();
        Assert.Contains(removed, t => t.Contains("The museum opens at 9:00."));
        Assert.Contains(added, t => t.Contains("The museum opens at 10:00."));
        Assert.Contains(added, t => t.Contains("Entry is free."));
        Assert.DoesNotContain(removed.Concat(added), t => t.Contains("First paragraph."));
        Assert.Contains(page.QuerySelectorAll("#diff tr.same"), r => r.TextContent.Contains("First paragraph."));
    }

    [Fact]
    public async Task Saving_an_unchanged_article_records_no_tag_change()
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        var id = await ArticleForms.CreateAsync(factory, editor, "Quay lamps are lit again", more: new Dictionary<string, string>
        {
            ["Input.Tags"] = "Zebra crossings, harbour lights, Ambergate",
        });
        var (_, form) = await Html.GetAsync(editor, $"/staff/articles/edit/{id}");
        var shown = form.QuerySelector("[name='Input.Tags']")!.GetAttribute("value");

        await ArticleForms.PressAsync(editor, id, "save-draft");
        await ArticleForms.PressAsync(editor, id, "save-draft");

        var (response, page) = await Html.GetAsync(editor, $"/staff/articles/{id}/revisions?from=1&to=3");
        Html.AssertStatus(response, HttpStatusCode.OK);
        Assert.Equal(3, page.QuerySelectorAll("#revision-list tbody tr").Length);
        Assert.Empty(page.QuerySelectorAll("#diff tr.removed, #diff tr.added"));
        Assert.Contains("The two revisions are the same", page.Text("main"));
        var (_, again) = await Html.GetAsync(editor, $"/staff/articles/edit/{id}");
        Assert.Equal(shown, again.QuerySelector("[name='Input.Tags']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_restored_revision_is_what_readers_see()
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        var id = await ArticleForms.CreateAsync(factory, editor, "Ferry fares stay the same", "Fares stay at two yuan.", command: "publish");
        await ArticleForms.PressAsync(editor, id, "save", new Dictionary<string, string>
        {
            ["Input.Headline"] = "Ferry fares rise next month",
            ["Input.Body"] = "Fares rise to five yuan.",
        });
        var reader = factory.CreateBrowserClient();
        Assert.Contains("five yuan", (await Html.GetAsync(reader, "/article/ferry-fares-stay-the-same")).Document.Text(".article-body"));

        var (_, history) = await Html.GetAsync(editor, $"/staff/articles/{id}/revisions");
        var restore = await Html.SubmitAsync(editor, history, "form.restore-form:has(input[name=number][value='1'])");

        Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);
        var (_, article) = await Html.GetAsync(reader, "/article/ferry-fares-stay-the-same");
        Assert.Equal("Ferry fares stay the same", article.Text("h1#headline"));
        Assert.Contains("two yuan", article.Text(".article-body"));
        Assert.DoesNotContain("five yuan", article.Text(".article-body"));
        var numbers = await factory.WithDbAsync(db => db.ArticleRevisions.Where(r => r.ArticleId == id).OrderBy(r => r.Number).Select(r => r.Number).ToListAsync());
        Assert.Equal([1, 2, 3], numbers);
        var (_, after) = await Html.GetAsync(editor, restore.Headers.Location!.ToString());
        Assert.Contains("Revision 1 restored as revision 3", after.Text("#notice"));
        Assert.Contains("The two revisions are the same", after.Text("main"));
    }
}
