using System.Net;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Policies;

public sealed class ReadingPolicyPages(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/privacy", "Privacy Statement & Cookie Policy", "Cookies")]
    [InlineData("/terms", "Terms of Use", "Changes")]
    [InlineData("/about", "About Us", "newsroom")]
    [InlineData("/contact", "Contact Us", "leave a message")]
    public async Task Each_page_shows_its_text_in_the_site_layout_with_the_date_it_was_last_revised(string path, string title, string text)
    {
        var client = factory.CreateBrowserClient();

        var (response, page) = await Html.GetAsync(client, path);

        Html.AssertStatus(response, HttpStatusCode.OK);
        Assert.Equal(title, page.Text("main h1"));
        Assert.Contains(text, page.Text(".policy-body"));
        Assert.Equal($"{title} | NewsPortal", page.Title);
        Assert.NotNull(page.QuerySelector("header.masthead"));
        Assert.NotNull(page.QuerySelector("footer.site-footer"));
        Assert.Equal("Last revised 1 Jan 2026", page.Text("main .meta"));
        Assert.Equal("2026-01-01T08:00:00+08:00", page.QuerySelector("main .meta time")!.GetAttribute("datetime"));
    }

    [Fact]
    public async Task The_contact_page_adds_the_contact_details_from_configuration()
    {
        var (_, page) = await Html.GetAsync(factory.CreateBrowserClient(), "/contact");

        Assert.Contains("newsroom@newsportal.example", page.Text(".contact-details"));
        Assert.Contains("+86-23-0000-0000", page.Text(".contact-details"));
    }

    [Fact]
    public async Task A_head_request_answers_without_a_body()
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, "/terms");

        var response = await factory.CreateBrowserClient().SendAsync(request);

        Html.AssertStatus(response, HttpStatusCode.OK);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/privacy-old")]
    [InlineData("/privacy/extra")]
    public async Task Other_addresses_are_not_policy_pages(string path)
    {
        var response = await factory.CreateBrowserClient().GetAsync(path);

        Html.AssertStatus(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_revision_scheduled_for_later_is_shown_only_once_it_takes_effect()
    {
        var admin = await Infrastructure.Staff.SignedInClientAsync(factory, StaffRoles.Admin);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var inAWeek = TimeZoneInfo.ConvertTime(factory.Clock.GetUtcNow(), zone).DateTime.AddDays(7);
        inAWeek = new DateTime(inAWeek.Year, inAWeek.Month, inAWeek.Day, 9, 30, 0);

        await PolicyEditing.ReviseOkAsync(admin, "about", material: false, markdown: "We have **moved** to a new office.", effectiveLocal: inAWeek);
        var reader = factory.CreateBrowserClient();
        var (_, now) = await Html.GetAsync(reader, "/about");
        Assert.DoesNotContain("moved", now.Text(".policy-body"));

        factory.Clock.Advance(TimeSpan.FromDays(8));
        var (_, later) = await Html.GetAsync(reader, "/about");
        Assert.Equal("We have moved to a new office.", later.Text(".policy-body"));
        Assert.Equal("moved", later.Text(".policy-body strong"));
        Assert.Equal($"Last revised {inAWeek:d MMM yyyy}", later.Text("main .meta"));
        Assert.Equal($"{inAWeek:yyyy-MM-dd}T09:30:00+08:00", later.QuerySelector("main .meta time")!.GetAttribute("datetime"));
    }
}
