using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Hostile;

/// <summary>
/// Staff accounts under hostile input: new accounts are refused or created with their names as text; hostile role, lock and unlock changes are refused and change nothing.
/// </summary>
public sealed class HostileAccountForms(HostilePortal portal) : IClassFixture<HostilePortal>
{
    private static readonly IEnumerable<HostileText> Every = HostileText.All;

    public static TheoryData<string, string> AccountFields()
    {
        var data = new TheoryData<string, string>();
        foreach (var text in Every)
        {
            data.Add("Input.Email", text.Name);
            data.Add("Input.DisplayName", text.Name);
            data.Add("Input.Password", text.Name);
        }

        data.Add("Input.Role", "script element");
        data.Add("Input.Role", "sql quote");
        return data;
    }

    [Theory]
    [MemberData(nameof(AccountFields))]
    public async Task A_hostile_new_account_is_refused_or_created_with_its_name_as_text(string field, string name)
    {
        var text = HostileText.Named(name);
        var admin = await portal.StaffAsync(StaffRoles.Admin);
        var before = await portal.WithDbAsync(db => db.Users.CountAsync());
        var email = $"new-{Guid.NewGuid():N}@newsportal.test";
        var (_, form) = await Html.GetAsync(admin, "/staff/users/new");
        var values = new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.DisplayName"] = "New Colleague",
            ["Input.Role"] = StaffRoles.Editor,
            ["Input.Password"] = "a-good-password-2026",
            [field] = text.Value,
        };

        var response = await Html.SubmitAsync(admin, form, "#new-account", values);

        if (text.Unreadable)
        {
            await Answers.AssertRefusedAsync(response, HttpStatusCode.BadRequest, "We could not understand that request");
            Assert.Equal(before, await portal.WithDbAsync(db => db.Users.CountAsync()));
            return;
        }

        // A password needs 12 characters with a digit and a lower-case letter; whatever else it holds is the
        // person's own business, so a hostile but strong password makes an account that signs in with it.
        var strongPassword = field == "Input.Password" && text.Value.Length is >= 12 and <= 200 && text.Value.Any(char.IsAsciiDigit) && text.Value.Any(char.IsAsciiLetterLower);
        var created = (field == "Input.DisplayName" && text.OneLine is not null) || strongPassword || (field == "Input.DisplayName" && name == "only invisible characters");
        if (!created)
        {
            Html.AssertStatus(response, HttpStatusCode.OK);
            var page = await Html.ParseAsync(response);
            Answers.AssertInert(page);
            Assert.False(string.IsNullOrWhiteSpace(Answers.ErrorsOn(page)), $"No message about {field}");
            Assert.Equal(before, await portal.WithDbAsync(db => db.Users.CountAsync()));
            return;
        }

        Html.AssertStatus(response, HttpStatusCode.Redirect);
        var stored = await portal.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.DisplayName).SingleAsync());
        var shownName = field == "Input.DisplayName" ? text.OneLine is { Length: > 0 } clean ? clean : email : "New Colleague";
        Assert.Equal(shownName, stored);
        var (_, list) = await Html.GetAsync(admin, "/staff/users");
        Answers.AssertInert(list);
        Assert.True(Answers.ShowsText(list, shownName), "The name is not shown as text");
        if (strongPassword)
        {
            var client = portal.Reader();
            Html.AssertStatus(await Infrastructure.Staff.SignInAsync(client, email, text.Value), HttpStatusCode.Redirect);
        }
    }

    /// <summary>A form body whose one field is of 5 MB, over what a form value may hold (512 KB; 4 MB on the article form): refused before anything is read into the page.</summary>

    [Theory]
    [InlineData("Role", "userId=&role=Editor")]
    [InlineData("Role", "role=Editor")]
    [InlineData("Role", "userId=..%2F..%2Fetc&role=Editor")]
    [InlineData("Role", "userId=%27%20OR%201%3D1--&role=Admin")]
    [InlineData("Role", "userId=USER&role=Owner")]
    [InlineData("Role", "userId=USER&role=%3Cscript%3E")]
    [InlineData("Role", "userId=USER")]
    [InlineData("Lock", "")]
    [InlineData("Lock", "userId=%3Cscript%3E")]
    [InlineData("Unlock", "userId=")]
    public async Task Hostile_account_changes_are_refused_with_a_message_and_change_nothing(string handler, string body)
    {
        var admin = await portal.StaffAsync(StaffRoles.Admin);
        var email = await Infrastructure.Staff.CreateAsync(portal, StaffRoles.Moderator);
        var userId = await portal.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var (_, list) = await Html.GetAsync(admin, "/staff/users");
        var token = list.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var roles = await portal.WithDbAsync(db => db.UserRoles.Select(r => r.UserId + r.RoleId).OrderBy(x => x).ToListAsync());

        var response = await admin.PostAsync($"/staff/users?handler={handler}", new StringContent(
            $"__RequestVerificationToken={Uri.EscapeDataString(token)}&{body.Replace("USER", userId, StringComparison.Ordinal)}", Encoding.ASCII, "application/x-www-form-urlencoded"));

        var page = await Answers.AssertRefusedAsync(response, HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrWhiteSpace(Answers.ErrorsOn(page)), "No message about the change");
        Answers.AssertInert(page);
        Assert.Equal(roles, await portal.WithDbAsync(db => db.UserRoles.Select(r => r.UserId + r.RoleId).OrderBy(x => x).ToListAsync()));
        Assert.Equal(0, await portal.WithDbAsync(db => db.Users.CountAsync(u => u.LockoutEnd != null && u.Id == userId)));
    }
}
