using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Hostile;

/// <summary>
/// Hostile requests to staff addresses: addresses that name nothing are 404s, the article list takes any filter as text; oversized bodies and NUL characters in multipart forms are refused and store nothing.
/// </summary>
public sealed class HostileStaffRequests(HostilePortal portal) : IClassFixture<HostilePortal>
{
    [Theory]
    [InlineData("?status=%3Cscript%3E&q=%00")]
    [InlineData("?q=Hostile%00test")]
    [InlineData("?status=1,2&q=%01%1B")]
    [InlineData("?status=Published'--&q=%25_%25")]
    [InlineData("?q=" + "qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq")]
    [InlineData("?q=NEAR(a%20b)%20OR%20%22x&status=draft")]
    public async Task The_article_list_takes_any_filter_or_search_as_text(string query)
    {
        var editor = await portal.StaffAsync(StaffRoles.Editor);

        var (response, page) = await Html.GetAsync(editor, "/staff/articles" + query);

        Html.AssertStatus(response, HttpStatusCode.OK);
        Answers.AssertInert(page);
    }

    [Theory]
    [InlineData("/staff/inbox/abc")]
    [InlineData("/staff/inbox/-1")]
    [InlineData("/staff/inbox/99999999999")]
    [InlineData("/staff/inbox/1%00")]
    [InlineData("/staff/inbox?page=-1")]
    [InlineData("/staff/inbox?page=99999999999")]
    [InlineData("/staff/policies/..%2F..%2Fetc")]
    [InlineData("/staff/policies/%3Cscript%3E")]
    [InlineData("/staff/articles/edit/abc")]
    [InlineData("/staff/articles/edit/99999999")]
    [InlineData("/staff/articles/-1/revisions")]
    public async Task A_staff_address_that_names_nothing_is_a_404(string url)
    {
        var admin = await portal.StaffAsync(StaffRoles.Admin);

        var response = await admin.GetAsync(url);

        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{(int)response.StatusCode} for {url}");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            await Answers.AssertRefusedAsync(response, HttpStatusCode.NotFound, "We could not find that page");
        }
        else
        {
            await Answers.AssertHandledAsync(response);
        }
    }

    [Theory]
    [InlineData(StaffRoles.Admin, "/staff/sign-in", "Input.Password")]
    [InlineData(StaffRoles.Admin, "/staff/users/new", "Input.DisplayName")]
    [InlineData(StaffRoles.Admin, "/staff/policies/privacy", "Input.Markdown")]
    [InlineData(StaffRoles.Editor, "/staff/articles/edit", "Input.Body")]
    [InlineData(StaffRoles.Moderator, "NOTE", "NoteText")]
    public async Task An_oversized_form_body_is_refused_with_a_page_and_stores_nothing(string role, string url, string field)
    {
        var staff = await portal.StaffAsync(role);
        if (url == "NOTE")
        {
            url = $"/staff/inbox/{await MessageIdAsync()}?handler=Note";
        }

        var (_, page) = await Html.GetAsync(staff, url.Split('?')[0]);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var counts = await CountsAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent($"__RequestVerificationToken={Uri.EscapeDataString(token)}&{field}={new string('x', 5 * 1024 * 1024)}", Encoding.ASCII, "application/x-www-form-urlencoded"),
        };
        request.Headers.ExpectContinue = true;

        var response = await staff.SendAsync(request);

        await Answers.AssertRefusedAsync(response, HttpStatusCode.BadRequest, "We could not understand that request");
        Assert.Equal(counts, await CountsAsync());
    }

    /// <summary>
    /// A NUL in a multipart form (a urlencoded one cannot carry one): refused like the urlencoded case, before it
    /// reaches an account lookup (PostgreSQL refuses a NUL outright) or anything stored.
    /// </summary>
    [Theory]
    [InlineData(null, "/staff/sign-in", "Input.Email", "nobody\0@newsportal.test")]
    [InlineData(null, "/staff/sign-in", "Input.Password", "secret\0password-1")]
    [InlineData(StaffRoles.Admin, "/staff/users/new", "Input.Email", "new\0@newsportal.test")]
    [InlineData(StaffRoles.Admin, "/staff/users?handler=Role", "userId", "some-id\0")]
    [InlineData(StaffRoles.Admin, "/staff/users?handler=Lock", "userId", "\0")]
    [InlineData(StaffRoles.Admin, "/staff/policies/privacy", "Input.Markdown", "Text\0with a NUL")]
    [InlineData(StaffRoles.Editor, "/staff/articles/edit", "Input.Headline", "Headline\0with a NUL")]
    [InlineData(StaffRoles.Moderator, "NOTE", "NoteText", "Note\0with a NUL")]
    public async Task A_nul_in_a_multipart_form_is_refused_and_stores_nothing(string? role, string url, string field, string value)
    {
        var client = role is null ? portal.Reader() : await portal.StaffAsync(role);
        if (url == "NOTE")
        {
            url = $"/staff/inbox/{await MessageIdAsync()}?handler=Note";
        }

        var (_, page) = await Html.GetAsync(client, url.Split('?')[0]);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var counts = await CountsAsync();
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(value), field },
            { new StringContent("Editor"), "role" },
            { new StringContent("1"), "Input.SectionId" },
            { new StringContent("publish"), "Command" },
        };

        var response = await client.PostAsync(url, content);

        await Answers.AssertRefusedAsync(response, HttpStatusCode.BadRequest, "We could not understand that request");
        Assert.Equal(counts, await CountsAsync());
    }

    private Task<(int Users, int Revisions, int Articles, int Notes)> CountsAsync() =>
        portal.WithDbAsync(async db => (await db.Users.CountAsync(), await db.PolicyRevisions.CountAsync(), await db.Articles.CountAsync(), await db.MessageNotes.CountAsync()));


    private async Task<int> MessageIdAsync()
    {
        var reference = await Messages.MessageForm.LeaveAsync(portal.Reader(), Messages.MessageForm.Valid("For notes"));
        return await portal.WithDbAsync(db => db.Messages.Where(m => m.Reference == reference).Select(m => m.Id).SingleAsync());
    }
}
