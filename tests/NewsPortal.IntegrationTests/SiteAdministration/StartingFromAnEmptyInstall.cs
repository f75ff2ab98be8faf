using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Seeding;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.SiteAdministration;

public sealed class StartingFromAnEmptyInstall(EmptyInstallFactory factory) : IClassFixture<EmptyInstallFactory>
{
    [Theory]
    [InlineData("/about", "About Us")]
    [InlineData("/contact", "Contact Us")]
    [InlineData("/privacy", "Privacy Statement")]
    [InlineData("/terms", "Terms of Use")]
    public async Task Every_policy_page_the_footer_links_to_exists_and_says_its_text_must_be_replaced(string path, string title)
    {
        var reader = factory.CreateBrowserClient();

        var (response, page) = await Html.GetAsync(reader, path);

        Html.AssertStatus(response, HttpStatusCode.OK);
        Assert.Contains(title, page.Text("h1"));
        Assert.Contains(StarterPolicies.Warning, page.Text("main"));
    }

    [Fact]
    public async Task No_footer_link_of_the_home_page_is_a_404()
    {
        var reader = factory.CreateBrowserClient();
        var (_, home) = await Html.GetAsync(reader, "/");

        var links = home.QuerySelectorAll("footer a[href^='/']").Select(a => a.GetAttribute("href")!).Distinct().ToList();

        Assert.NotEmpty(links);
        foreach (var link in links)
        {
            Html.AssertStatus(await reader.GetAsync(link), HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task The_home_page_says_tidily_that_nothing_is_published_yet()
    {
        var reader = factory.CreateBrowserClient();

        var (response, home) = await Html.GetAsync(reader, "/");

        Html.AssertStatus(response, HttpStatusCode.OK);
        Assert.Equal("No news yet", home.Text(".empty-state h2"));
        Assert.Null(home.QuerySelector(".latest"));
        Assert.Null(home.QuerySelector(".most-read"));
    }

    [Fact]
    public async Task The_dashboard_lists_what_is_left_to_do_and_ticks_off_what_is_done()
    {
        var admin = await Staff.SignedInClientAsync(factory, StaffRoles.Admin);
        var (_, dashboard) = await Html.GetAsync(admin, "/staff");

        var items = dashboard.QuerySelectorAll(".setup-checklist li").ToList();
        Assert.Equal(5, items.Count);
        Assert.All(items, li => Assert.Equal("todo", li.ClassName));
        Assert.Equal(["/staff/settings", "/staff/sections", "/staff/authors", "/staff/policies", "/staff/articles/edit"],
            items.Select(li => li.QuerySelector("a")!.GetAttribute("href")));

        await factory.WithDbAsync(async db =>
        {
            db.Sections.Add(new Section { Name = "City", Slug = "city" });
            db.Authors.Add(new Author { Name = "陈璐", Slug = "chen-lu" });
            await db.SaveChangesAsync();
        });
        await SiteDetailsForms.SaveAsync(admin, new Dictionary<string, string> { ["Input.Name"] = "Chongqing Evening" });

        (_, dashboard) = await Html.GetAsync(admin, "/staff");
        var states = dashboard.QuerySelectorAll(".setup-checklist li").Select(li => li.ClassName).ToList();
        Assert.Equal(["done", "done", "done", "todo", "todo"], states);
    }

    [Fact]
    public async Task An_editor_is_not_shown_the_checklist()
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);

        var (_, dashboard) = await Html.GetAsync(editor, "/staff");

        Assert.Null(dashboard.QuerySelector(".setup-checklist"));
        Assert.Equal(4, await factory.WithDbAsync(db => db.PolicyDocuments.CountAsync()));
    }
}
