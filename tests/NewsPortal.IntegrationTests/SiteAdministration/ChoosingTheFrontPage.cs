using System.Net;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.IntegrationTests.Newsroom;
using static NewsPortal.IntegrationTests.SiteAdministration.FrontPageForms;

namespace NewsPortal.IntegrationTests.SiteAdministration;

public sealed class ChoosingTheFrontPage(NewsroomFactory factory) : IClassFixture<NewsroomFactory>
{
    [Fact]
    public async Task The_chosen_lead_and_featured_stories_lead_the_home_page_in_order_at_once_and_clearing_them_brings_back_newest_first()
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        var reader = factory.CreateBrowserClient();
        var articles = await PublishedAsync(factory);
        var (_, before) = await Html.GetAsync(reader, "/");
        Assert.Equal(articles[0].Headline, before.Text(".lead h2"));
        Assert.Null(before.QuerySelector(".featured"));

        var lead = articles[20];
        var featured = new[] { articles[15], articles[5], articles[30] };
        await SaveAsync(editor, "#picks-form", new Dictionary<string, string>
        {
            ["Lead"] = Id(lead.Id),
            ["Featured[0]"] = Id(featured[0].Id),
            ["Featured[1]"] = Id(featured[1].Id),
            ["Featured[2]"] = Id(featured[2].Id),
        });

        var (_, home) = await Html.GetAsync(reader, "/");
        Assert.Equal(lead.Headline, home.Text(".lead h2"));
        Assert.Equal(featured.Select(f => f.Headline), home.QuerySelectorAll(".featured h3").Select(h => h.TextContent.Trim()));
        var latest = home.QuerySelectorAll(".latest h3").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(articles[0].Headline, latest[0]);
        Assert.DoesNotContain(featured[1].Headline, latest);

        // The form shows what was chosen.
        var (_, form) = await Html.GetAsync(editor, Url);
        Assert.Equal(Id(lead.Id), form.QuerySelector("#lead option[selected]")!.GetAttribute("value"));
        Assert.Equal(Id(featured[1].Id), form.QuerySelector("#featured-1 option[selected]")!.GetAttribute("value"));

        await SaveAsync(editor, "#picks-form", new Dictionary<string, string>
        {
            ["Lead"] = "", ["Featured[0]"] = "", ["Featured[1]"] = "", ["Featured[2]"] = "",
        });
        (_, home) = await Html.GetAsync(reader, "/");
        Assert.Equal(articles[0].Headline, home.Text(".lead h2"));
        Assert.Null(home.QuerySelector(".featured"));
    }

    [Fact]
    public async Task A_section_lead_heads_its_section_page_and_its_block_on_the_home_page()
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        var reader = factory.CreateBrowserClient();
        var city = (await PublishedAsync(factory)).Where(a => a.Section == "city").ToList();
        var chosen = city[^1];
        var sectionId = await ArticleForms.SectionIdAsync(factory, "city");
        await reader.GetStringAsync("/section/city");

        await SaveAsync(editor, "#picks-form", new Dictionary<string, string> { [$"SectionLeads[{sectionId}]"] = Id(chosen.Id) });

        var (_, section) = await Html.GetAsync(reader, "/section/city");
        Assert.Equal(chosen.Headline, section.Text(".section-lead h3"));
        var (_, home) = await Html.GetAsync(reader, "/");
        Assert.Equal(chosen.Headline, home.Text("#block-city ~ .card-grid h3"));
        var (_, second) = await Html.GetAsync(reader, "/section/city?page=2");
        Assert.Null(second.QuerySelector(".section-lead"));

        await SaveAsync(editor, "#picks-form", new Dictionary<string, string> { [$"SectionLeads[{sectionId}]"] = "" });
    }

    [Fact]
    public async Task A_story_readers_cannot_see_or_from_another_section_is_refused_with_a_message()
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        var draft = await ArticleForms.CreateAsync(factory, editor, "A draft nobody may feature");
        var other = (await PublishedAsync(factory)).First(a => a.Section != "city");
        var sectionId = await ArticleForms.SectionIdAsync(factory, "city");

        var response = await SubmitAsync(editor, "#picks-form", new Dictionary<string, string>
        {
            ["Lead"] = Id(draft),
            [$"SectionLeads[{sectionId}]"] = Id(other.Id),
        });

        Html.AssertStatus(response, HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        Assert.Contains("The chosen lead story is not published", SiteDetailsForms.FieldError(page, "Lead"));
        Assert.Contains("Choose a published story of this section", page.Text("#picks-form"));
        Assert.DoesNotContain("A draft nobody may feature", await factory.CreateBrowserClient().GetStringAsync("/"));
    }

    [Fact]
    public async Task A_moderator_may_not_change_the_front_page()
    {
        var moderator = await Staff.SignedInClientAsync(factory, StaffRoles.Moderator);

        var response = await moderator.GetAsync(Url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/staff/denied", response.Headers.Location!.PathAndQuery);
    }
}
