using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Structure;

public sealed class ManagingSections(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task An_editor_creates_a_section_that_readers_find_in_the_navigation_at_once()
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        var reader = factory.CreateBrowserClient();
        var (_, before) = await Html.GetAsync(reader, "/"); // the home page is now cached

        var response = await SaveAsync(editor, "/staff/sections/edit", "Night Markets", "", "Food stalls after dark.");

        Html.AssertStatus(response, HttpStatusCode.Redirect);
        var (_, saved) = await Html.GetAsync(editor, response.Headers.Location!.OriginalString);
        Assert.Contains("Section saved", saved.Text(".notice"));
        Assert.Equal("night-markets", saved.QuerySelector("#Input_Slug")!.GetAttribute("value"));
        Assert.DoesNotContain("Night Markets", NavNames(before));
        var (_, home) = await Html.GetAsync(reader, "/");
        Assert.Equal("Night Markets", NavNames(home)[^1]);
        var (page, section) = await Html.GetAsync(reader, "/section/night-markets");
        Html.AssertStatus(page, HttpStatusCode.OK);
        Assert.Contains("Food stalls after dark.", section.Body!.TextContent);
    }

    [Fact]
    public async Task Renaming_a_section_moves_its_address_and_the_old_one_answers_301()
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        var id = await CreateAsync(editor, "River Life");
        var reader = factory.CreateBrowserClient();
        Html.AssertStatus(await reader.GetAsync("/section/river-life"), HttpStatusCode.OK);

        Html.AssertStatus(await SaveAsync(editor, $"/staff/sections/edit/{id}", "Riverside", "riverside", "Life on the Yangtze and the Jialing."), HttpStatusCode.Redirect);

        var old = await reader.GetAsync("/section/river-life?page=1");
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("/section/riverside?page=1", old.Headers.Location!.OriginalString);
        var feed = await reader.GetAsync("/section/river-life/rss.xml");
        Assert.Equal(HttpStatusCode.MovedPermanently, feed.StatusCode);
        Assert.Equal("/section/riverside/rss.xml", feed.Headers.Location!.OriginalString);
        var (_, page) = await Html.GetAsync(reader, "/section/riverside");
        Assert.Contains("Riverside", NavNames(page));
        Assert.DoesNotContain("River Life", NavNames(page));
    }

    [Fact]
    public async Task A_section_named_in_chinese_is_called_so_on_every_chinese_page_and_keeps_its_name_in_english()
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        var id = await CreateAsync(editor, "Hot Pot");
        var (_, form) = await Html.GetAsync(editor, $"/staff/sections/edit/{id}");
        Html.AssertStatus(await Html.SubmitAsync(editor, form, "#section-form", new Dictionary<string, string> { ["Input.ChineseName"] = "火锅" }), HttpStatusCode.Redirect);
        var article = await TestArticles.AddAsync(factory, "Hot pot street reopens");
        await factory.WithDbAsync(async db =>
        {
            await db.Articles.Where(a => a.Id == article.Id).ExecuteUpdateAsync(set => set.SetProperty(a => a.SectionId, id));
        });
        var (_, again) = await Html.GetAsync(editor, $"/staff/sections/edit/{id}");
        Assert.Equal("火锅", again.QuerySelector("#Input_ChineseName")!.GetAttribute("value"));
        var reader = factory.CreateBrowserClient();

        var (_, chineseSection) = await Html.GetAsync(reader, "/zh/section/hot-pot");
        var (_, chineseArticle) = await Html.GetAsync(reader, $"/zh/article/{article.Slug}");
        var (_, englishSection) = await Html.GetAsync(reader, "/section/hot-pot");
        var (_, englishArticle) = await Html.GetAsync(reader, $"/article/{article.Slug}");

        Assert.Contains("火锅", NavNames(chineseSection));
        Assert.Equal("火锅", chineseSection.Text(".listing-header h1"));
        Assert.Equal("火锅", chineseSection.QuerySelector(".card .kicker a")!.TextContent);
        Assert.Equal("火锅", chineseArticle.Text(".article .kicker a"));
        Assert.Contains("Hot Pot", NavNames(englishSection));
        Assert.DoesNotContain("火锅", englishSection.Body!.TextContent);
        Assert.Equal("Hot Pot", englishArticle.Text(".article .kicker a"));

        // Too long is refused beside the field.
        var refused = await Html.SubmitAsync(editor, again, "#section-form", new Dictionary<string, string> { ["Input.ChineseName"] = new string('火', 101) });
        Assert.Equal(422, (int)refused.StatusCode);
        Assert.Contains("at most 100 characters", (await Html.ParseAsync(refused)).Text("#section-form"));
    }

    [Fact]
    public async Task An_address_another_section_has_or_had_is_refused_with_a_reason()
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        var first = await CreateAsync(editor, "Harbour Notes");
        await SaveAsync(editor, $"/staff/sections/edit/{first}", "Harbour Notes", "harbour-news", "");

        var taken = await SaveAsync(editor, "/staff/sections/edit", "Other", "harbour-news", "");
        var formerly = await SaveAsync(editor, "/staff/sections/edit", "Other", "harbour-notes", "");
        var blank = await SaveAsync(editor, "/staff/sections/edit", "   ", "", "");

        Html.AssertStatus(taken, (HttpStatusCode)422);
        Assert.Contains("Another section already uses this address", (await Html.ParseAsync(taken)).Text("#section-form"));
        Html.AssertStatus(formerly, (HttpStatusCode)422);
        Assert.Contains("used this address before", (await Html.ParseAsync(formerly)).Text("#section-form"));
        Html.AssertStatus(blank, (HttpStatusCode)422);
        var blankPage = await Html.ParseAsync(blank);
        Assert.Contains("Enter the section's name", blankPage.Text("#section-form"));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Sections.CountAsync(s => s.Name == "Harbour Notes")));
    }

    [Fact]
    public async Task Moving_a_section_up_changes_the_order_of_the_navigation()
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        await CreateAsync(editor, "Alpha Desk");
        await CreateAsync(editor, "Beta Desk");
        var reader = factory.CreateBrowserClient();
        var (_, before) = await Html.GetAsync(reader, "/");
        var names = NavNames(before);
        Assert.True(names.IndexOf("Alpha Desk") < names.IndexOf("Beta Desk"));

        var (_, list) = await Html.GetAsync(editor, "/staff/sections");
        var response = await Html.SubmitAsync(editor, list, "tr[data-slug=beta-desk] form:has(button[aria-label='Move Beta Desk up'])");

        Html.AssertStatus(response, HttpStatusCode.Redirect);
        var (_, after) = await Html.GetAsync(reader, "/");
        names = NavNames(after);
        Assert.True(names.IndexOf("Beta Desk") < names.IndexOf("Alpha Desk"));
    }

    [Fact]
    public async Task A_hidden_section_leaves_the_navigation_and_the_front_page_but_its_page_still_answers()
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        var shown = await factory.WithDbAsync(db => db.Sections.Where(s => s.Articles.Any()).OrderBy(s => s.SortOrder).Select(s => new { s.Id, s.Name, s.Slug }).FirstAsync());
        var (id, name, sectionSlug) = (shown.Id, shown.Name, shown.Slug);
        var reader = factory.CreateBrowserClient();
        var (_, before) = await Html.GetAsync(reader, "/");
        Assert.Contains(name, NavNames(before));
        Assert.NotNull(before.QuerySelector($"#block-{sectionSlug}"));

        var (_, form) = await Html.GetAsync(editor, $"/staff/sections/edit/{id}");
        Html.AssertStatus(await Html.SubmitAsync(editor, form, "#section-form", new Dictionary<string, string> { ["Input.IsHidden"] = "true" }), HttpStatusCode.Redirect);

        var (_, after) = await Html.GetAsync(reader, "/");
        Assert.DoesNotContain(name, NavNames(after));
        Assert.Null(after.QuerySelector($"#block-{sectionSlug}"));
        Html.AssertStatus(await reader.GetAsync($"/section/{sectionSlug}"), HttpStatusCode.OK);
        var (_, list) = await Html.GetAsync(editor, "/staff/sections");
        Assert.Equal("Hidden", list.Text($"tr[data-slug={sectionSlug}] .shown"));
    }

    [Fact]
    public async Task A_section_with_articles_is_not_deleted_and_the_refusal_says_why_an_empty_one_is()
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        var full = await factory.WithDbAsync(db => db.Sections.Where(s => s.Articles.Any()).Select(s => s.Slug).FirstAsync());
        await CreateAsync(editor, "Short Lived");

        var (_, list) = await Html.GetAsync(editor, "/staff/sections");
        var refused = await Html.SubmitAsync(editor, list, $"tr[data-slug={full}] .delete-form");
        var (_, again) = await Html.GetAsync(editor, "/staff/sections");
        var deleted = await Html.SubmitAsync(editor, again, "tr[data-slug=short-lived] .delete-form");

        Html.AssertStatus(refused, HttpStatusCode.Conflict);
        Assert.Contains("still holds", (await Html.ParseAsync(refused)).Text(".errors"));
        Assert.True(await factory.WithDbAsync(db => db.Sections.AnyAsync(s => s.Slug == full)));
        Html.AssertStatus(deleted, HttpStatusCode.Redirect);
        var (_, after) = await Html.GetAsync(editor, "/staff/sections");
        Assert.Contains("Section \"Short Lived\" deleted.", after.Text(".notice"));
        Html.AssertStatus(await factory.CreateBrowserClient().GetAsync("/section/short-lived"), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/staff/sections")]
    [InlineData("/staff/sections/edit")]
    public async Task A_moderator_is_refused_the_sections(string url)
    {
        var moderator = await Staff.SignedInClientAsync(factory, StaffRoles.Moderator);

        var response = await moderator.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/staff/denied", response.Headers.Location!.PathAndQuery);
    }

    private static List<string> NavNames(IDocument page) =>
        page.QuerySelectorAll("nav.section-nav li a").Select(a => a.TextContent.Trim()).ToList();

    private static async Task<HttpResponseMessage> SaveAsync(HttpClient editor, string url, string name, string slug, string description)
    {
        var (response, form) = await Html.GetAsync(editor, url);
        Html.AssertStatus(response, HttpStatusCode.OK);
        return await Html.SubmitAsync(editor, form, "#section-form", new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.Slug"] = slug,
            ["Input.Description"] = description,
        });
    }

    private static async Task<int> CreateAsync(HttpClient editor, string name)
    {
        var response = await SaveAsync(editor, "/staff/sections/edit", name, "", "");
        Html.AssertStatus(response, HttpStatusCode.Redirect);
        var location = response.Headers.Location!.OriginalString;
        return int.Parse(location["/staff/sections/edit/".Length..location.IndexOf('?', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
    }
}
