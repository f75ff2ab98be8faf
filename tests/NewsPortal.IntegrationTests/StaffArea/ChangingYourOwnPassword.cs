using System.Net;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.StaffArea;

/// <summary>
/// A staff member changes their own password at /staff/password, giving the current one: the new one signs in,
/// the old one no longer does, and another device signed in to the account is signed out.
/// </summary>
public sealed class ChangingYourOwnPassword(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string NewPassword = "lantern boats on the jialing 7";

    [Fact]
    public async Task The_new_password_signs_in_the_old_one_does_not_and_other_sessions_end()
    {
        var email = await Staff.CreateAsync(factory, StaffRoles.Editor);
        var laptop = factory.CreateBrowserClient();
        var phone = factory.CreateBrowserClient();
        Html.AssertStatus(await Staff.SignInAsync(laptop, email), HttpStatusCode.Redirect);
        Html.AssertStatus(await Staff.SignInAsync(phone, email), HttpStatusCode.Redirect);

        var (_, form) = await Html.GetAsync(laptop, "/staff/password");
        var changed = await Html.SubmitAsync(laptop, form, "#change-password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = Staff.Password,
            ["Input.NewPassword"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });

        Html.AssertStatus(changed, HttpStatusCode.Redirect);
        Html.AssertStatus(await laptop.GetAsync("/staff"), HttpStatusCode.OK);
        Html.AssertStatus(await phone.GetAsync("/staff"), HttpStatusCode.Redirect);
        Html.AssertStatus(await Staff.SignInAsync(factory.CreateBrowserClient(), email), HttpStatusCode.OK);
        Html.AssertStatus(await Staff.SignInAsync(factory.CreateBrowserClient(), email, NewPassword), HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_wrong_current_password_changes_nothing_and_says_so()
    {
        var email = await Staff.CreateAsync(factory, StaffRoles.Moderator);
        var client = factory.CreateBrowserClient();
        Html.AssertStatus(await Staff.SignInAsync(client, email), HttpStatusCode.Redirect);

        var (_, form) = await Html.GetAsync(client, "/staff/password");
        var refused = await Html.SubmitAsync(client, form, "#change-password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "not the password at all 1",
            ["Input.NewPassword"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        });

        Html.AssertStatus(refused, HttpStatusCode.BadRequest);
        Assert.Contains("The current password is not correct.", await refused.Content.ReadAsStringAsync());
        Html.AssertStatus(await Staff.SignInAsync(factory.CreateBrowserClient(), email), HttpStatusCode.Redirect);
    }
}
