using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Messages;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.IntegrationTests.Messages;

namespace NewsPortal.IntegrationTests.Inbox;

public sealed class HandlingTheInbox(MessagesFactory factory) : IClassFixture<MessagesFactory>
{
    private async Task<int> AddAsync(string subject, string body = "Body", string name = "Reader", string email = "reader@example.cn",
        MessageStatus status = MessageStatus.New, TimeSpan? age = null)
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        return await factory.WithDbAsync(async db =>
        {
            var message = new Message
            {
                Reference = MessageReference.New(),
                Name = name,
                Email = email,
                Subject = subject,
                Body = body,
                Status = status,
                ReceivedAt = now - (age ?? TimeSpan.Zero),
            };
            db.Messages.Add(message);
            await db.SaveChangesAsync();
            return message.Id;
        });
    }

    [Fact]
    public async Task A_message_a_reader_leaves_is_found_by_a_moderator_and_opening_it_marks_it_read()
    {
        var reference = await MessageForm.LeaveAsync(factory.CreateBrowserClient(), MessageForm.Valid("Lost property on line 3"));
        var moderator = await Infrastructure.Staff.SignedInClientAsync(factory, StaffRoles.Moderator);
        var newCount = await factory.WithDbAsync(db => db.Messages.CountAsync(m => m.Status == MessageStatus.New));

        var (response, inbox) = await Html.GetAsync(moderator, "/staff/inbox");

        Html.AssertStatus(response, HttpStatusCode.OK);
        Assert.Equal($"New ({newCount})", inbox.Text("#tab-new"));
        Assert.Equal("page", inbox.QuerySelector("#tab-new")!.GetAttribute("aria-current"));
        var row = inbox.QuerySelectorAll("table.inbox tbody tr").Single(r => r.TextContent.Contains(reference));
        Assert.Contains("Li Wei", row.TextContent);
        Assert.Contains("li.wei@example.cn", row.TextContent);
        Assert.Equal("unread", row.ClassName);

        var (_, detail) = await Html.GetAsync(moderator, row.QuerySelector("a")!.GetAttribute("href")!);
        Assert.Equal("Lost property on line 3", detail.Text("h1"));
        Assert.Equal("When does the new bus route start?\nThank you.", detail.Text(".message-body"));
        Assert.Equal(reference, detail.Text("#reference"));
        Assert.StartsWith("Read", detail.Text("#status"));
        Assert.Equal(MessageStatus.Read, await factory.WithDbAsync(db => db.Messages.Where(m => m.Reference == reference).Select(m => m.Status).SingleAsync()));
        var (_, readTab) = await Html.GetAsync(moderator, "/staff/inbox?tab=read");
        Assert.Contains(reference, readTab.Text("table.inbox"));
    }

    [Fact]
    public async Task Notes_are_added_and_status_changes_move_the_message_between_tabs()
    {
        var id = await AddAsync("Correction request: wrong date");
        var moderator = await Infrastructure.Staff.SignedInClientAsync(factory, StaffRoles.Moderator);
        var (_, detail) = await Html.GetAsync(moderator, $"/staff/inbox/{id}");

        var empty = await Html.SubmitAsync(moderator, detail, "form.note-form", new Dictionary<string, string> { ["NoteText"] = "  " });
        Html.AssertStatus(empty, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("Write the note before adding it.", (await Html.ParseAsync(empty)).Text("#note-error"));

        var noted = await Html.SubmitAsync(moderator, detail, "form.note-form", new Dictionary<string, string> { ["NoteText"] = "Checked with the desk: date fixed." });
        Html.AssertStatus(noted, HttpStatusCode.Redirect);
        var (_, withNote) = await Html.GetAsync(moderator, $"/staff/inbox/{id}");
        Assert.Equal("Checked with the desk: date fixed.", withNote.Text(".note-list .note-text"));
        Assert.StartsWith("Test Moderator,", withNote.Text(".note-list .meta"));
        Assert.DoesNotContain("@", withNote.Text(".note-list .meta"));

        var handled = await Html.SubmitAsync(moderator, withNote, "form.status-actions", new Dictionary<string, string> { ["status"] = "Handled" });
        Html.AssertStatus(handled, HttpStatusCode.Redirect);
        var stored = await factory.WithDbAsync(db => db.Messages.Include(m => m.Notes).SingleAsync(m => m.Id == id));
        Assert.Equal(MessageStatus.Handled, stored.Status);
        Assert.Single(stored.Notes);
        var (_, handledTab) = await Html.GetAsync(moderator, "/staff/inbox?tab=handled");
        Assert.Contains("Correction request: wrong date", handledTab.Text("table.inbox"));
        var (_, newTab) = await Html.GetAsync(moderator, "/staff/inbox?tab=new");
        Assert.DoesNotContain("Correction request: wrong date", newTab.Text("main"));

        var (_, handledPage) = await Html.GetAsync(moderator, $"/staff/inbox/{id}");
        var spam = await Html.SubmitAsync(moderator, handledPage, "form.status-actions", new Dictionary<string, string> { ["status"] = "Spam" });
        Html.AssertStatus(spam, HttpStatusCode.Redirect);
        Assert.Equal(MessageStatus.Spam, await factory.WithDbAsync(db => db.Messages.Where(m => m.Id == id).Select(m => m.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_status_change_without_the_antiforgery_token_is_refused()
    {
        var id = await AddAsync("Forged status change");
        var moderator = await Infrastructure.Staff.SignedInClientAsync(factory, StaffRoles.Moderator);

        var response = await moderator.PostAsync($"/staff/inbox/{id}?handler=Status", new FormUrlEncodedContent(new Dictionary<string, string> { ["status"] = "Spam" }));

        Html.AssertStatus(response, HttpStatusCode.BadRequest);
        Assert.Equal(MessageStatus.New, await factory.WithDbAsync(db => db.Messages.Where(m => m.Id == id).Select(m => m.Status).SingleAsync()));
    }

    [Fact]
    public async Task Search_looks_in_name_email_subject_and_message_without_regard_to_case()
    {
        var token = "Zq" + Guid.NewGuid().ToString("N")[..8];
        await AddAsync("By name", name: $"Reader {token}");
        await AddAsync("By email", email: $"{token.ToLowerInvariant()}@example.cn");
        await AddAsync($"By subject {token.ToUpperInvariant()}");
        await AddAsync("By body", body: $"Somewhere in here: {token}.");
        await AddAsync("Unrelated");
        var moderator = await Infrastructure.Staff.SignedInClientAsync(factory, StaffRoles.Admin);

        var (_, page) = await Html.GetAsync(moderator, $"/staff/inbox?q={token}");

        Assert.Equal(["By body", "By subject " + token.ToUpperInvariant(), "By email", "By name"],
            page.QuerySelectorAll("table.inbox tbody tr td:nth-child(3) a").Select(a => a.TextContent.Trim()));
        Assert.Equal("New (4)", page.Text("#tab-new"));
        Assert.Equal(token, page.QuerySelector("#inbox-q")!.GetAttribute("value"));
        Assert.Contains($"q={token}", page.QuerySelector("#tab-read")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Long_tabs_are_paged()
    {
        var token = "pg" + Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < 30; i++)
        {
            await AddAsync($"Paged {token} {i:00}", status: MessageStatus.Handled, age: TimeSpan.FromMinutes(i));
        }

        var moderator = await Infrastructure.Staff.SignedInClientAsync(factory, StaffRoles.Moderator);

        var (_, first) = await Html.GetAsync(moderator, $"/staff/inbox?tab=handled&q={token}");
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        var (_, second) = await Html.GetAsync(moderator, next);

        Assert.Equal(25, first.QuerySelectorAll("table.inbox tbody tr").Length);
        Assert.Equal($"Paged {token} 00", first.QuerySelector("table.inbox tbody tr td:nth-child(3) a")!.TextContent.Trim());
        Assert.Equal($"/staff/inbox?tab=handled&q={token}&page=2", next);
        Assert.Equal(5, second.QuerySelectorAll("table.inbox tbody tr").Length);
        Assert.Equal("Page 2 of 2", second.Text(".pager span"));
        Html.AssertStatus(await moderator.GetAsync("/staff/inbox?page=0"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_csv_export_of_a_tab_neutralises_cells_a_spreadsheet_would_run()
    {
        var token = "csv" + Guid.NewGuid().ToString("N")[..8];
        await AddAsync("=HYPERLINK(\"http://evil.example\",\"Click\")", body: $"Body with {token}, and a \"quote\"\nover two lines", name: "+Mallory", email: "@mallory@example.cn");
        await AddAsync($"Ordinary {token}");
        var moderator = await Infrastructure.Staff.SignedInClientAsync(factory, StaffRoles.Moderator);
        var (_, page) = await Html.GetAsync(moderator, $"/staff/inbox?q={token}");

        var response = await moderator.GetAsync(page.QuerySelector("#export-csv")!.GetAttribute("href"));

        Html.AssertStatus(response, HttpStatusCode.OK);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.StartsWith("attachment", response.Content.Headers.ContentDisposition!.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var csv = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        var lines = csv.Split("\r\n");
        Assert.StartsWith("\"Reference\",\"Received\",\"Status\",\"Name\",\"Email\",\"Subject\",\"Message\"", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\"", csv);
        Assert.Contains("\"'+Mallory\"", csv);
        Assert.Contains("\"'@mallory@example.cn\"", csv);
        Assert.Contains($"\"Body with {token}, and a \"\"quote\"\"\nover two lines\"", csv);
        Assert.DoesNotContain(",\"=", csv);
    }
}
