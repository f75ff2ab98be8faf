using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Newsroom;

/// <summary>Two editors with the same article open: the later save does not silently replace the earlier one.</summary>
public sealed class EditingTogether(NewsroomFactory factory) : IClassFixture<NewsroomFactory>
{
    [Fact]
    public async Task The_second_of_two_saves_is_refused_with_what_changed_meanwhile()
    {
        var firstEmail = await Staff.CreateAsync(factory, StaffRoles.Editor);
        var first = factory.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.Redirect, (await Staff.SignInAsync(first, firstEmail)).StatusCode);
        var second = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        var id = await ArticleForms.CreateAsync(factory, first, "Night buses run until two", "Night buses now run until 2:00.");
        var (_, firstForm) = await Html.GetAsync(first, $"/staff/articles/edit/{id}");
        var (_, secondForm) = await Html.GetAsync(second, $"/staff/articles/edit/{id}");

        factory.Clock.Advance(TimeSpan.FromMinutes(3));
        var saved = await Html.SubmitAsync(first, firstForm, "#article-form", new Dictionary<string, string>
        {
            ["Command"] = "save-draft",
            ["Input.Headline"] = "Night buses run until three",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var refused = await Html.SubmitAsync(second, secondForm, "#article-form", new Dictionary<string, string>
        {
            ["Command"] = "save-draft",
            ["Input.Body"] = "Night buses now run until 2:00, every twenty minutes.",
        });

        Html.AssertStatus(refused, HttpStatusCode.Conflict);
        var page = await Html.ParseAsync(refused);
        var message = page.Text(".errors");
        Assert.Contains("changed since you opened it", message);
        Assert.Contains("Test Editor", message);
        Assert.Contains("Headline: “Night buses run until three”", message);
        Assert.Equal("Night buses now run until 2:00, every twenty minutes.", page.QuerySelector("[name='Input.Body']")!.TextContent.Trim());
        var stored = await factory.WithDbAsync(db => db.Articles.SingleAsync(a => a.Id == id));
        Assert.Equal("Night buses run until three", stored.Headline);
        Assert.Equal("Night buses now run until 2:00.", stored.BodyMarkdown);
        Assert.Equal(2, await factory.WithDbAsync(db => db.ArticleRevisions.CountAsync(r => r.ArticleId == id)));

        // Having seen what changed, the editor may still choose to save their own text over it.
        var resaved = await Html.SubmitAsync(second, page, "#article-form", new Dictionary<string, string> { ["Command"] = "save-draft" });
        Assert.Equal(HttpStatusCode.Redirect, resaved.StatusCode);
        stored = await factory.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal("Night buses now run until 2:00, every twenty minutes.", stored.BodyMarkdown);
    }
}
