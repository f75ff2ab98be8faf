using System.Net;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.StaffArea;

public sealed class GuardingTheStaffArea(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/staff")]
    [InlineData("/staff/inbox")]
    [InlineData("/staff/inbox/1")]
    [InlineData("/staff/inbox/export?tab=new")]
    [InlineData("/staff/policies")]
    [InlineData("/staff/policies/privacy")]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string path)
    {
        var response = await factory.CreateBrowserClient().GetAsync(path);

        Html.AssertStatus(response, HttpStatusCode.Redirect);
        var location = response.Headers.Location!;
        Assert.Equal("/staff/sign-in", location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0]);
        Assert.Contains("ReturnUrl=" + Uri.EscapeDataString(path), location.OriginalString);
    }

    [Fact]
    public async Task An_anonymous_post_to_the_inbox_is_sent_to_sign_in()
    {
        var response = await factory.CreateBrowserClient().PostAsync("/staff/inbox/1?handler=Status",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["status"] = "Spam" }));

        Html.AssertStatus(response, HttpStatusCode.Redirect);
        Assert.Contains("/staff/sign-in", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_editor_cannot_open_the_inbox_or_its_export()
    {
        var editor = await Infrastructure.Staff.SignedInClientAsync(factory, StaffRoles.Editor);

        var inbox = await editor.GetAsync("/staff/inbox");
        var export = await editor.GetAsync("/staff/inbox/export");

        foreach (var response in new[] { inbox, export })
        {
            Html.AssertStatus(response, HttpStatusCode.Redirect);
            Assert.StartsWith("/staff/denied", response.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal));
        }

        var denied = await editor.GetAsync(inbox.Headers.Location);
        Html.AssertStatus(denied, HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData(StaffRoles.Moderator, "/staff/inbox", true)]
    [InlineData(StaffRoles.Moderator, "/staff/policies", false)]
    [InlineData(StaffRoles.Admin, "/staff/inbox", true)]
    [InlineData(StaffRoles.Admin, "/staff/policies", true)]
    public async Task The_dashboard_links_only_to_what_the_role_may_open(string role, string link, bool shown)
    {
        var staff = await Infrastructure.Staff.SignedInClientAsync(factory, role);

        var (_, dashboard) = await Html.GetAsync(staff, "/staff");
        var response = await staff.GetAsync(link);

        Assert.Equal(shown, dashboard.QuerySelector($"a[href='{link}']") is not null);
        Html.AssertStatus(response, shown ? HttpStatusCode.OK : HttpStatusCode.Redirect);
    }
}
