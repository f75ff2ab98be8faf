using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Messages;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.IntegrationTests.Messages;

namespace NewsPortal.IntegrationTests.Inbox;

/// <summary>The All and Mine tabs, search by reference number across tabs, assignment, and a CSV export of exactly what the search shows.</summary>
public sealed class SearchingAndAssigningMessages(MessagesFactory factory) : IClassFixture<MessagesFactory>
{
    private async Task<(int Id, string Reference)> AddAsync(string subject, MessageStatus status = MessageStatus.New)
    {
        var reference = MessageReference.New();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var id = await factory.WithDbAsync(async db =>
        {
            var message = new Message { Reference = reference, Name = "Reader", Email = "reader@example.cn", Subject = subject, Body = "Body", Status = status, ReceivedAt = now };
            db.Messages.Add(message);
            await db.SaveChangesAsync();
            return message.Id;
        });
        return (id, reference);
    }

    private static string[] Subjects(AngleSharp.Dom.IDocument page) =>
        [.. page.QuerySelectorAll("table.inbox tbody tr td:nth-child(3) a").Select(a => a.TextContent.Trim())];

    [Fact]
    public async Task A_reference_number_finds_its_message_in_whatever_tab_it_is()
    {
        var (_, handled) = await AddAsync("Filed long ago", MessageStatus.Handled);
        var (_, spam) = await AddAsync("Filed as spam", MessageStatus.Spam);
        var moderator = await Staff.SignedInClientAsync(factory, StaffRoles.Moderator);

        var (_, found) = await Html.GetAsync(moderator, $"/staff/inbox?q={handled}");
        var (_, lower) = await Html.GetAsync(moderator, $"/staff/inbox?q={spam[3..].ToLowerInvariant()}");

        Assert.Equal(["Filed long ago"], Subjects(found));
        Assert.Equal("page", found.QuerySelector("#tab-all")!.GetAttribute("aria-current"));
        Assert.Equal("All (1)", found.Text("#tab-all"));
        Assert.Equal("Handled (1)", found.Text("#tab-handled"));
        Assert.Equal("Handled", found.Text("table.inbox tbody tr td.status"));
        Assert.Equal(["Filed as spam"], Subjects(lower));
    }

    [Fact]
    public async Task The_all_tab_shows_every_status_and_the_mine_tab_what_is_assigned_to_me()
    {
        var token = "as" + Guid.NewGuid().ToString("N")[..8];
        var (first, _) = await AddAsync($"{token} new");
        var (second, _) = await AddAsync($"{token} handled", MessageStatus.Handled);
        await AddAsync($"{token} spam", MessageStatus.Spam);
        var moderatorEmail = await Staff.CreateAsync(factory, StaffRoles.Moderator);
        var moderator = factory.CreateBrowserClient();
        await Staff.SignInAsync(moderator, moderatorEmail);
        var moderatorId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == moderatorEmail).Select(u => u.Id).SingleAsync());

        var (_, detail) = await Html.GetAsync(moderator, $"/staff/inbox/{first}");
        var assigned = await Html.SubmitAsync(moderator, detail, "form.assign-form", new Dictionary<string, string> { ["assignTo"] = moderatorId });
        var (_, other) = await Html.GetAsync(moderator, $"/staff/inbox/{second}");
        await Html.SubmitAsync(moderator, other, "form.assign-form", new Dictionary<string, string> { ["assignTo"] = moderatorId });
        await Html.SubmitAsync(moderator, (await Html.GetAsync(moderator, $"/staff/inbox/{second}")).Document, "form.assign-form", new Dictionary<string, string> { ["assignTo"] = "" });

        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        var (_, shown) = await Html.GetAsync(moderator, $"/staff/inbox/{first}");
        Assert.Equal($"Test {StaffRoles.Moderator}", shown.Text("#assigned"));
        var (_, all) = await Html.GetAsync(moderator, $"/staff/inbox?tab=all&q={token}");
        Assert.Equal(new[] { $"{token} handled", $"{token} new", $"{token} spam" }, Subjects(all).Order().ToArray());
        var (_, mine) = await Html.GetAsync(moderator, $"/staff/inbox?tab=mine&q={token}");
        Assert.Equal([$"{token} new"], Subjects(mine));
        Assert.Equal("Mine (1)", mine.Text("#tab-mine"));
        Assert.Equal($"Test {StaffRoles.Moderator}", mine.Text("table.inbox tbody tr td.assigned"));
        var (_, othersMine) = await Html.GetAsync(await Staff.SignedInClientAsync(factory, StaffRoles.Admin), $"/staff/inbox?tab=mine&q={token}");
        Assert.Empty(Subjects(othersMine));
    }

    [Fact]
    public async Task Only_staff_with_the_inbox_can_be_assigned()
    {
        var (id, _) = await AddAsync("Assign to an editor");
        var editorEmail = await Staff.CreateAsync(factory, StaffRoles.Editor);
        var editorId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == editorEmail).Select(u => u.Id).SingleAsync());
        var moderator = await Staff.SignedInClientAsync(factory, StaffRoles.Moderator);
        var (_, detail) = await Html.GetAsync(moderator, $"/staff/inbox/{id}");
        Assert.DoesNotContain(detail.QuerySelectorAll("#assignTo option"), o => o.GetAttribute("value") == editorId);

        var response = await Html.SubmitAsync(moderator, detail, "form.assign-form", new Dictionary<string, string> { ["assignTo"] = editorId });

        Html.AssertStatus(response, HttpStatusCode.BadRequest);
        Assert.Null(await factory.WithDbAsync(db => db.Messages.Where(m => m.Id == id).Select(m => m.AssignedToId).SingleAsync()));
    }

    [Fact]
    public async Task The_csv_export_holds_exactly_the_messages_the_search_shows()
    {
        var token = "ex" + Guid.NewGuid().ToString("N")[..8];
        var (_, newOne) = await AddAsync($"{token} one");
        var (_, handled) = await AddAsync($"{token} two", MessageStatus.Handled);
        await AddAsync("Not matching");
        var moderator = await Staff.SignedInClientAsync(factory, StaffRoles.Moderator);

        foreach (var (url, expected) in new[] { ($"/staff/inbox?q={token}", new[] { newOne, handled }), ($"/staff/inbox?tab=handled&q={token}", [handled]), ($"/staff/inbox?q={handled}", [handled]) })
        {
            var (_, page) = await Html.GetAsync(moderator, url);
            var shown = page.QuerySelectorAll("table.inbox tbody tr td:nth-child(4)").Select(td => td.TextContent.Trim()).Order().ToArray();
            var csv = Encoding.UTF8.GetString(await (await moderator.GetAsync(page.QuerySelector("#export-csv")!.GetAttribute("href"))).Content.ReadAsByteArrayAsync());
            var exported = csv.Split("\r\n").Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')[0].Trim('"', '\uFEFF')).Order().ToArray();

            Assert.Equal(expected.Order().ToArray(), shown);
            Assert.Equal(shown, exported);
            Assert.Contains($"({shown.Length} message", page.Text("#export-csv"));
        }
    }
}
