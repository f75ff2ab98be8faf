using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.IntegrationTests.Newsroom;

namespace NewsPortal.IntegrationTests.Caching;

/// <summary>Edits made through the newsroom's real forms reach readers at once, and evict only what they touch.</summary>
public sealed class EditingCachedArticles(NewsroomFactory factory) : IClassFixture<NewsroomFactory>
{
    [Fact]
    public async Task A_published_edit_is_visible_on_the_next_request_and_unrelated_pages_stay_cached()
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        var reader = factory.CreateBrowserClient();
        var id = await ArticleForms.CreateAsync(factory, editor, "Ferry timetable changes for winter", command: "publish");
        var slug = await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Slug).SingleAsync());

        // Warm the cache as readers would.
        var unrelated = await reader.GetAsync("/section/sport");
        foreach (var url in new[] { $"/article/{slug}", "/", "/section/city" })
        {
            Assert.Contains("Ferry timetable changes for winter", await reader.GetStringAsync(url));
        }

        var saved = await ArticleForms.PressAsync(editor, id, "save", new Dictionary<string, string>
        {
            ["Input.Headline"] = "Ferry timetable changes for the winter season",
        });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);

        foreach (var url in new[] { $"/article/{slug}", "/", "/section/city" })
        {
            var html = await reader.GetStringAsync(url);
            Assert.Contains("Ferry timetable changes for the winter season", html);
        }

        // A listing the article is not in was not evicted: same cached rendering, same validator.
        var sportAgain = await reader.GetAsync("/section/sport");
        Assert.NotNull(unrelated.Headers.ETag);
        Assert.Equal(unrelated.Headers.ETag, sportAgain.Headers.ETag);
    }

    [Fact]
    public async Task Moving_an_article_to_another_section_refreshes_both_listings()
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        var reader = factory.CreateBrowserClient();
        var id = await ArticleForms.CreateAsync(factory, editor, "Night bus route moves to a new section", command: "publish");
        Assert.Contains("Night bus route moves to a new section", await reader.GetStringAsync("/section/city"));
        Assert.DoesNotContain("Night bus route moves to a new section", await reader.GetStringAsync("/section/travel"));

        var travel = await ArticleForms.SectionIdAsync(factory, "travel");
        await ArticleForms.PressAsync(editor, id, "save", new Dictionary<string, string>
        {
            ["Input.SectionId"] = travel.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.DoesNotContain("Night bus route moves to a new section", await reader.GetStringAsync("/section/city"));
        Assert.Contains("Night bus route moves to a new section", await reader.GetStringAsync("/section/travel"));
    }

    [Fact]
    public async Task Unpublishing_takes_the_article_off_cached_pages_at_once()
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        var reader = factory.CreateBrowserClient();
        var id = await ArticleForms.CreateAsync(factory, editor, "Story to be withdrawn from cached pages", command: "publish");
        var slug = await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Slug).SingleAsync());
        Assert.Contains("Story to be withdrawn from cached pages", await reader.GetStringAsync("/"));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await reader.GetAsync($"/article/{slug}")).StatusCode);

        await ArticleForms.PressAsync(editor, id, "unpublish");

        Assert.DoesNotContain("Story to be withdrawn from cached pages", await reader.GetStringAsync("/"));
        Assert.Equal(System.Net.HttpStatusCode.Gone, (await reader.GetAsync($"/article/{slug}")).StatusCode);
    }
}
