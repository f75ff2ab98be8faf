using System.Net;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.IntegrationTests.Newsroom;

namespace NewsPortal.IntegrationTests.StaffArea;

public sealed class SeeingStaffByName(NewsroomFactory factory) : IClassFixture<NewsroomFactory>
{
    [Fact]
    public async Task The_header_the_dashboard_and_the_revision_history_name_the_editor_not_the_email()
    {
        var email = await Staff.CreateAsync(factory, StaffRoles.Editor);
        var editor = factory.CreateBrowserClient();
        Html.AssertStatus(await Staff.SignInAsync(editor, email), HttpStatusCode.Redirect);

        var (_, dashboard) = await Html.GetAsync(editor, "/staff");
        var id = await ArticleForms.CreateAsync(factory, editor, "A ferry timetable changes");
        var (_, history) = await Html.GetAsync(editor, $"/staff/articles/{id}/revisions");

        Assert.Equal("Test Editor", dashboard.Text("form.sign-out span"));
        Assert.Contains("Signed in as Test Editor.", dashboard.Text("main"));
        Assert.DoesNotContain(email, dashboard.Body!.TextContent);
        Assert.Contains("Test Editor", history.Text("#revision-list tbody tr"));
        Assert.DoesNotContain(email, history.Text("#revision-list"));
    }
}
