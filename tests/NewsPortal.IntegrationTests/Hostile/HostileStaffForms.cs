using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Messages;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Hostile;

/// <summary>
/// The staff forms other than the article editor under hostile input: sign-in, the inbox (search, notes,
/// status), the policy editor and staff accounts. Each hostile value is refused with a message, or kept as text
/// that every page shows inert; nothing half-done is stored.
/// </summary>
public sealed class HostileStaffForms(HostilePortal portal) : IClassFixture<HostilePortal>
{
    private static readonly IEnumerable<HostileText> Every = HostileText.All;

    public static TheoryData<string, string> SignInFields()
    {
        var data = new TheoryData<string, string>();
        foreach (var text in Every)
        {
            data.Add("Input.Email", text.Name);
            data.Add("Input.Password", text.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SignInFields))]
    public async Task A_hostile_sign_in_is_refused_with_a_message_and_signs_nobody_in(string field, string name)
    {
        var text = HostileText.Named(name);
        var client = portal.Reader();
        var (_, form) = await Html.GetAsync(client, "/staff/sign-in");

        var response = await Html.SubmitAsync(client, form, "main form", new Dictionary<string, string>
        {
            ["Input.Email"] = field == "Input.Email" ? text.Value : "nobody@newsportal.test",
            ["Input.Password"] = field == "Input.Password" ? text.Value : "not-the-password-1",
        });

        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("np_staff=", StringComparison.Ordinal) && !c.StartsWith("np_staff=;", StringComparison.Ordinal)));
        if (text.Unreadable)
        {
            await Answers.AssertRefusedAsync(response, HttpStatusCode.BadRequest, "We could not understand that request");
            return;
        }

        Html.AssertStatus(response, HttpStatusCode.OK);
        var page = await Html.ParseAsync(response);
        Answers.AssertInert(page);
        Assert.Equal("Staff sign in", page.Text("main h1"));
        Assert.False(string.IsNullOrWhiteSpace(Answers.ErrorsOn(page)), "No message on the sign-in page");
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/staff")).StatusCode);
    }

    [Theory]
    [InlineData("//evil.example", "/staff")]
    [InlineData("https://evil.example", "/staff")]
    [InlineData("/\\evil.example", "/staff")]
    [InlineData("javascript:alert(1)", "/staff")]
    [InlineData("/staff/inbox?tab=read", "/staff/inbox?tab=read")]
    [InlineData("/staff/articles?q=重庆", "/staff/articles?q=%E9%87%8D%E5%BA%86")]
    public async Task After_sign_in_the_return_address_stays_on_this_site(string returnUrl, string location)
    {
        var email = await Infrastructure.Staff.CreateAsync(portal, StaffRoles.Admin);
        var client = portal.Reader();
        var (_, form) = await Html.GetAsync(client, "/staff/sign-in?ReturnUrl=" + Uri.EscapeDataString(returnUrl));

        var response = await Html.SubmitAsync(client, form, "main form", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Infrastructure.Staff.Password,
        });

        Html.AssertStatus(response, HttpStatusCode.Redirect);
        Assert.Equal(location, response.Headers.Location!.OriginalString);
    }

    public static TheoryData<string> Searches()
    {
        var data = new TheoryData<string>();
        foreach (var text in Every.Where(t => !t.Unreadable))
        {
            data.Add(text.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Searches))]
    public async Task An_inbox_search_for_anything_answers_a_list_that_shows_it_as_text(string name)
    {
        var moderator = await portal.StaffAsync(StaffRoles.Moderator);
        var q = HostileText.Named(name).Value;
        if (name == "oversized")
        {
            // 100,000 characters do not fit in an address: the server refuses the request line itself.
            Html.AssertStatus(await moderator.GetAsync($"/staff/inbox?q={Uri.EscapeDataString(q)}"), HttpStatusCode.RequestUriTooLong);
            return;
        }

        foreach (var tab in new[] { "new", "spam", "<script>", "" })
        {
            var (response, page) = await Html.GetAsync(moderator, $"/staff/inbox?tab={Uri.EscapeDataString(tab)}&q={Uri.EscapeDataString(q)}");

            Html.AssertStatus(response, HttpStatusCode.OK);
            Answers.AssertInert(page);
        }

        var export = await moderator.GetAsync($"/staff/inbox/export?tab=new&q={Uri.EscapeDataString(q)}");
        Html.AssertStatus(export, HttpStatusCode.OK);
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("100%")]
    [InlineData("_")]
    [InlineData("[a-z]")]
    [InlineData("' OR 1=1 --")]
    public async Task Search_wildcards_and_quotes_match_only_themselves(string q)
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var reader = portal.Reader();
        await Messages.MessageForm.LeaveAsync(reader, new Dictionary<string, string>(Messages.MessageForm.Valid($"Has {marker} {q}")));
        await Messages.MessageForm.LeaveAsync(portal.Reader(), new Dictionary<string, string>(Messages.MessageForm.Valid($"Lacks {marker} plain")));
        var moderator = await portal.StaffAsync(StaffRoles.Moderator);

        var (_, page) = await Html.GetAsync(moderator, $"/staff/inbox?tab=new&q={Uri.EscapeDataString(marker + " " + q)}");

        var text = page.Text("main");
        Assert.Contains($"Has {marker} {q}", text);
        Assert.DoesNotContain($"Lacks {marker}", text);
    }

    public static TheoryData<string> Notes()
    {
        var data = new TheoryData<string>();
        foreach (var text in Every)
        {
            data.Add(text.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Notes))]
    public async Task A_hostile_note_is_kept_as_text_or_refused_beside_the_field(string name)
    {
        var text = HostileText.Named(name);
        var id = await MessageIdAsync();
        var moderator = await portal.StaffAsync(StaffRoles.Moderator);
        var before = await NotesAsync(id);
        var (_, page) = await Html.GetAsync(moderator, $"/staff/inbox/{id}");

        var response = await Html.SubmitAsync(moderator, page, "form.note-form", new Dictionary<string, string> { ["NoteText"] = text.Value });

        if (text.Unreadable)
        {
            await Answers.AssertRefusedAsync(response, HttpStatusCode.BadRequest, "We could not understand that request");
            Assert.Equal(before, await NotesAsync(id));
            return;
        }

        if (text.Lines is null)
        {
            var refused = await Answers.AssertRefusedAsync(response, HttpStatusCode.UnprocessableEntity);
            Assert.False(string.IsNullOrWhiteSpace(Answers.ErrorsOn(refused)), "No message beside the note");
            Answers.AssertInert(refused);
            Assert.Equal(before, await NotesAsync(id));
            return;
        }

        Html.AssertStatus(response, HttpStatusCode.Redirect);
        var notes = await NotesAsync(id);
        Assert.Equal(before.Count + 1, notes.Count);
        Assert.Equal(text.Lines, notes[^1]);
        var (_, shown) = await Html.GetAsync(moderator, $"/staff/inbox/{id}");
        Answers.AssertInert(shown);
        Assert.True(Answers.ShowsText(shown, text.Lines), "The note is not shown as text");
    }

    [Theory]
    [InlineData("Spam<script>")]
    [InlineData("4")]
    [InlineData("-1")]
    [InlineData("")]
    [InlineData("Handled,Spam")]
    [InlineData("' OR 1=1 --")]
    [InlineData("New\u0000")]
    public async Task A_status_that_is_not_one_of_the_tabs_is_refused_and_changes_nothing(string status)
    {
        var id = await MessageIdAsync();
        var moderator = await portal.StaffAsync(StaffRoles.Moderator);
        var (_, page) = await Html.GetAsync(moderator, $"/staff/inbox/{id}");
        var before = await portal.WithDbAsync(db => db.Messages.Where(m => m.Id == id).Select(m => m.Status).SingleAsync());
        var token = page.QuerySelector("form.status-actions input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await moderator.PostAsync($"/staff/inbox/{id}?handler=Status", new StringContent(
            $"__RequestVerificationToken={Uri.EscapeDataString(token)}&status={Uri.EscapeDataString(status)}", Encoding.ASCII, "application/x-www-form-urlencoded"));

        await Answers.AssertRefusedAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(before, await portal.WithDbAsync(db => db.Messages.Where(m => m.Id == id).Select(m => m.Status).SingleAsync()));
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

    public static TheoryData<string> PolicyTexts()
    {
        var data = new TheoryData<string>();
        foreach (var text in Every)
        {
            data.Add(text.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PolicyTexts))]
    public async Task A_hostile_policy_text_is_published_as_inert_text_or_refused_with_a_message(string name)
    {
        var text = HostileText.Named(name);
        var admin = await portal.StaffAsync(StaffRoles.Admin);
        var before = await RevisionsAsync("privacy");
        var (_, form) = await Html.GetAsync(admin, "/staff/policies/privacy");

        var response = await Html.SubmitAsync(admin, form, "form.policy-editor", new Dictionary<string, string> { ["Input.Markdown"] = text.Value });

        if (text.Unreadable)
        {
            await Answers.AssertRefusedAsync(response, HttpStatusCode.BadRequest, "We could not understand that request");
            Assert.Equal(before, await RevisionsAsync("privacy"));
            return;
        }

        // One hundred thousand characters is exactly the limit for a policy page.
        if (text.Lines is null && name != "oversized")
        {
            var refused = await Answers.AssertRefusedAsync(response, HttpStatusCode.UnprocessableEntity);
            Assert.False(string.IsNullOrWhiteSpace(Answers.ErrorsOn(refused)), "No message beside the text");
            Answers.AssertInert(refused);
            Assert.Equal(before, await RevisionsAsync("privacy"));
            return;
        }

        Html.AssertStatus(response, HttpStatusCode.Redirect);
        Assert.Equal(before + 1, await RevisionsAsync("privacy"));
        var (shown, page) = await Html.GetAsync(portal.Reader(), "/privacy");
        Html.AssertStatus(shown, HttpStatusCode.OK);
        Answers.AssertInert(page);
        var (_, staffPage) = await Html.GetAsync(admin, "/staff/policies/privacy");
        Answers.AssertInert(staffPage);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0001-01-01T00:00")]
    [InlineData("2026-02-30T10:00")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("")]
    [InlineData("1999-01-01T00:00")]
    public async Task A_hostile_effective_time_is_refused_with_a_message(string effectiveAt)
    {
        var admin = await portal.StaffAsync(StaffRoles.Admin);
        var before = await RevisionsAsync("contact");
        var (_, form) = await Html.GetAsync(admin, "/staff/policies/contact");

        var response = await Html.SubmitAsync(admin, form, "form.policy-editor", new Dictionary<string, string>
        {
            ["Input.Markdown"] = "Contact the newsroom.",
            ["Input.EffectiveAt"] = effectiveAt,
        });

        var page = await Answers.AssertRefusedAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.False(string.IsNullOrWhiteSpace(Answers.ErrorsOn(page)), "No message about the time");
        Answers.AssertInert(page);
        Assert.Equal(before, await RevisionsAsync("contact"));
    }

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

        // A password needs 12 characters and must not be easy to guess; whatever else it holds is the person's
        // own business, so a hostile but strong password makes an account that signs in with it.
        var strongPassword = field == "Input.Password" && text.Value.Length is >= 12 and <= 200 && !CommonPasswordValidator.IsEasyToGuess(text.Value, email, "New Colleague");
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

    private async Task<int> MessageIdAsync()
    {
        var reference = await Messages.MessageForm.LeaveAsync(portal.Reader(), Messages.MessageForm.Valid("For notes"));
        return await portal.WithDbAsync(db => db.Messages.Where(m => m.Reference == reference).Select(m => m.Id).SingleAsync());
    }

    private Task<List<string>> NotesAsync(int id) =>
        portal.WithDbAsync(db => db.MessageNotes.Where(n => n.MessageId == id).OrderBy(n => n.Id).Select(n => n.Text).ToListAsync());

    private Task<int> RevisionsAsync(string key) =>
        portal.WithDbAsync(db => db.PolicyRevisions.CountAsync(r => r.Document!.Key == key));
}
