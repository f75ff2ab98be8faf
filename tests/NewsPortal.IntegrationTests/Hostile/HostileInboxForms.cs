using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Hostile;

/// <summary>
/// The inbox under hostile input (search, notes, status): each hostile value is refused with a message, or kept as text that every page shows inert; nothing half-done is stored.
/// </summary>
public sealed class HostileInboxForms(HostilePortal portal) : IClassFixture<HostilePortal>
{
    private static readonly IEnumerable<HostileText> Every = HostileText.All;

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

    private async Task<int> MessageIdAsync()
    {
        var reference = await Messages.MessageForm.LeaveAsync(portal.Reader(), Messages.MessageForm.Valid("For notes"));
        return await portal.WithDbAsync(db => db.Messages.Where(m => m.Reference == reference).Select(m => m.Id).SingleAsync());
    }


    private Task<List<string>> NotesAsync(int id) =>
        portal.WithDbAsync(db => db.MessageNotes.Where(n => n.MessageId == id).OrderBy(n => n.Id).Select(n => n.Text).ToListAsync());
}
