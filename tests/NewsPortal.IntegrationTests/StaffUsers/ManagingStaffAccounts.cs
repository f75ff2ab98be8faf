using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.StaffUsers;

public sealed class ManagingStaffAccounts(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<IList<string>> RolesOfAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        return await users.GetRolesAsync((await users.FindByEmailAsync(email))!);
    }

    [Fact]
    public async Task An_admin_creates_an_editor_who_can_sign_in_and_write_articles_but_not_manage_accounts()
    {
        var admin = await Staff.SignedInClientAsync(factory, StaffRoles.Admin);
        var (_, form) = await Html.GetAsync(admin, "/staff/users/new");

        var created = await Html.SubmitAsync(admin, form, "#new-account", new Dictionary<string, string>
        {
            ["Input.Email"] = "new.editor@newsportal.test",
            ["Input.DisplayName"] = "New Editor",
            ["Input.Role"] = StaffRoles.Editor,
            ["Input.Password"] = "a-long-password-2026",
        });

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var (_, list) = await Html.GetAsync(admin, "/staff/users");
        Assert.Contains("Account created for new.editor@newsportal.test as Editor", list.Text(".notice"));
        Assert.Equal("Editor", list.QuerySelector("tr[data-email='new.editor@newsportal.test'] .role")!.TextContent);
        var editor = factory.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.Redirect, (await Infrastructure.Staff.SignInAsync(editor, "new.editor@newsportal.test", "a-long-password-2026")).StatusCode);
        Html.AssertStatus(await editor.GetAsync("/staff/articles"), HttpStatusCode.OK);
        Assert.StartsWith("/staff/denied", (await editor.GetAsync("/staff/users")).Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_password_that_breaks_the_rules_is_refused_with_the_reason()
    {
        var admin = await Staff.SignedInClientAsync(factory, StaffRoles.Admin);
        var (_, form) = await Html.GetAsync(admin, "/staff/users/new");

        var response = await Html.SubmitAsync(admin, form, "#new-account", new Dictionary<string, string>
        {
            ["Input.Email"] = "weak@newsportal.test",
            ["Input.DisplayName"] = "Weak Password",
            ["Input.Role"] = StaffRoles.Moderator,
            ["Input.Password"] = "password1234",
        });

        Html.AssertStatus(response, HttpStatusCode.OK);
        Assert.Contains("too easy to guess", (await Html.ParseAsync(response)).Text(".errors"));
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync("weak@newsportal.test"));
    }

    [Fact]
    public async Task An_admin_changes_a_role_and_locks_and_unlocks_an_account()
    {
        var admin = await Staff.SignedInClientAsync(factory, StaffRoles.Admin);
        var email = await Staff.CreateAsync(factory, StaffRoles.Moderator);

        var (_, list) = await Html.GetAsync(admin, "/staff/users");
        var changed = await Html.SubmitAsync(admin, list, $"tr[data-email='{email}'] form.role-form", new Dictionary<string, string> { ["role"] = StaffRoles.Editor });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal([StaffRoles.Editor], await RolesOfAsync(email));

        (_, list) = await Html.GetAsync(admin, "/staff/users");
        Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitAsync(admin, list, $"tr[data-email='{email}'] form.lock-form")).StatusCode);
        (_, list) = await Html.GetAsync(admin, "/staff/users");
        Assert.Equal("Locked", list.QuerySelector($"tr[data-email='{email}'] .status")!.TextContent);
        var locked = await Infrastructure.Staff.SignInAsync(factory.CreateBrowserClient(), email);
        Html.AssertStatus(locked, HttpStatusCode.OK);
        Assert.Equal(NewsPortal.Web.Features.Staff.SignInModel.FailedMessage, (await Html.ParseAsync(locked)).Text(".errors"));

        Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitAsync(admin, list, $"tr[data-email='{email}'] form.lock-form")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Infrastructure.Staff.SignInAsync(factory.CreateBrowserClient(), email)).StatusCode);
    }

    [Fact]
    public async Task An_admin_cannot_demote_or_lock_their_own_account()
    {
        var admin = await Staff.SignedInClientAsync(factory, StaffRoles.Admin);
        var (_, list) = await Html.GetAsync(admin, "/staff/users");
        var self = list.QuerySelectorAll("#accounts tbody tr").Single(r => r.TextContent.Contains("This is you"));
        Assert.Empty(self.QuerySelectorAll("form"));
        var token = list.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var userId = await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Users.Where(u => u.Email == self.GetAttribute("data-email")).Select(u => u.Id)));

        var response = await admin.PostAsync("/staff/users?handler=Role", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["userId"] = userId,
            ["role"] = StaffRoles.Moderator,
        }));

        Html.AssertStatus(response, HttpStatusCode.BadRequest);
        Assert.Contains("cannot change your own role", (await Html.ParseAsync(response)).Text(".errors"));
        Assert.Equal([StaffRoles.Admin], await RolesOfAsync(self.GetAttribute("data-email")!));
    }
}
