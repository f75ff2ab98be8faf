using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Staff;

namespace NewsPortal.Core.Messages;

public sealed record MessageListItem(
    int Id, string Reference, string Name, string Email, string Subject, string Snippet, DateTime ReceivedAt, MessageStatus Status, int NoteCount,
    string? AssignedTo = null, int ReplyCount = 0);

public sealed record InboxPage(
    InboxTab Tab, string Search, IReadOnlyList<MessageListItem> Items, IReadOnlyDictionary<MessageStatus, int> Counts, int AllCount, int MineCount, int Page, int PageSize)
{
    public MessageStatus? Status => Tab.Status;

    public int CountOf(InboxTab tab) => tab.Status is { } status ? Counts.GetValueOrDefault(status) : tab.Mine ? MineCount : AllCount;

    public int Total => CountOf(Tab);

    public int TotalPages => Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize));
}

/// <summary>A member of staff a message can be assigned to.</summary>
public sealed record StaffChoice(string Id, string Name);

public enum AssignResult
{
    Done,
    NoSuchMessage,
    NoSuchStaff,
}

/// <summary>The inbox's tabs, search, export and assignment.</summary>
public sealed partial class MessageInbox
{
    /// <summary>
    /// One page of a tab. The search looks in the reference number, name, email, subject and text, and the counts of
    /// every tab are for the same search, so staff see where matches are. <paramref name="staffId"/> is who "mine" is.
    /// </summary>
    public async Task<InboxPage> ListAsync(InboxTab tab, string? search, int page, string? staffId, CancellationToken ct = default)
    {
        var term = NormalizeSearch(search);
        var matching = Matching(term);
        var counts = await matching.GroupBy(m => m.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, ct);
        foreach (var s in Enum.GetValues<MessageStatus>())
        {
            counts.TryAdd(s, 0);
        }

        var mine = staffId is null ? 0 : await matching.CountAsync(m => m.AssignedToId == staffId, ct);
        var result = new InboxPage(tab, term, [], counts, counts.Values.Sum(), mine, 1, PageSize);
        page = Math.Clamp(page, 1, result.TotalPages);
        var items = await InTab(matching, tab, staffId)
            .OrderByDescending(m => m.ReceivedAt).ThenByDescending(m => m.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(m => new
            {
                m.Id, m.Reference, m.Name, m.Email, m.Subject, m.Body, m.ReceivedAt, m.Status, Notes = m.Notes.Count,
                AssignedName = m.AssignedTo == null ? null : m.AssignedTo.DisplayName, AssignedEmail = m.AssignedTo == null ? null : m.AssignedTo.Email,
                Replies = m.Mails.Count(r => r.Kind == Mail.MailKind.Reply),
            })
            .ToListAsync(ct);
        var list = items.Select(m => new MessageListItem(
            m.Id, m.Reference, m.Name, m.Email, m.Subject, Snippet(m.Body), m.ReceivedAt, m.Status, m.Notes,
            m.AssignedName is null && m.AssignedEmail is null ? null : StaffName(m.AssignedName, m.AssignedEmail), m.Replies)).ToList();
        return result with { Items = list, Page = page };
    }

    /// <summary>Exactly the messages <see cref="ListAsync"/> finds for the same tab and search (every page), newest first.</summary>
    public IAsyncEnumerable<MessageExportRow> ExportAsync(InboxTab tab, string? search, string? staffId, Func<DateTime, string> formatTime)
    {
        var term = NormalizeSearch(search);
        return InTab(Matching(term), tab, staffId)
            .OrderByDescending(m => m.ReceivedAt).ThenByDescending(m => m.Id)
            .Select(m => new
            {
                m.Reference, m.ReceivedAt, m.Status, m.Name, m.Email, m.Subject, m.Body, m.SpamReason,
                Notes = m.Notes.OrderBy(n => n.CreatedAt).ThenBy(n => n.Id).Select(n => new { n.Author, n.Text, n.CreatedAt }).ToList(),
            })
            .AsAsyncEnumerable()
            .Select(m => new MessageExportRow(
                m.Reference, formatTime(m.ReceivedAt), m.Status, m.Name, m.Email, m.Subject, m.Body,
                string.Join("\n", m.Notes.Select(n => $"{n.Author} ({formatTime(n.CreatedAt)}): {n.Text}")),
                m.SpamReason));
    }

    /// <summary>The reference number of a message, or null when there is none with that id.</summary>
    public Task<string?> ReferenceAsync(int id, CancellationToken ct = default) =>
        db.Messages.AsNoTracking().Where(m => m.Id == id).Select(m => m.Reference).FirstOrDefaultAsync(ct);

    /// <summary>Staff who can read the inbox (administrators and moderators), by name.</summary>
    public async Task<IReadOnlyList<StaffChoice>> InboxStaffAsync(CancellationToken ct = default)
    {
        var staff = await InboxStaff().OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct);
        return staff.Select(u => new StaffChoice(u.Id, StaffName(u.DisplayName, u.Email))).ToList();
    }

    /// <summary>Assigns a message to a member of staff with the inbox, or to nobody.</summary>
    public async Task<AssignResult> AssignAsync(int id, string? staffId, CancellationToken ct = default)
    {
        if (staffId is not null && !await InboxStaff().AnyAsync(u => u.Id == staffId, ct))
        {
            return AssignResult.NoSuchStaff;
        }

        var changed = await db.Messages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.AssignedToId, staffId), ct);
        return changed == 1 ? AssignResult.Done : AssignResult.NoSuchMessage;
    }

    private IQueryable<StaffUser> InboxStaff()
    {
        string[] roles = [StaffRoles.Admin, StaffRoles.Moderator];
        return db.Users.AsNoTracking().Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!))));
    }

    private static string StaffName(string? displayName, string? email) => string.IsNullOrWhiteSpace(displayName) ? email ?? "" : displayName;

    private static IQueryable<Message> InTab(IQueryable<Message> messages, InboxTab tab, string? staffId) =>
        tab.Status is { } status ? messages.Where(m => m.Status == status)
        : tab.Mine ? messages.Where(m => staffId != null && m.AssignedToId == staffId)
        : messages;

    private static string Snippet(string body)
    {
        var oneLine = MessageRules.SingleLine(body);
        return oneLine.Length > 140 ? string.Concat(oneLine.AsSpan(0, 140), "…") : oneLine;
    }

    private static string NormalizeSearch(string? search)
    {
        var term = MessageRules.SingleLine(search);
        return term.Length > MaxSearch ? term[..MaxSearch] : term;
    }

    private IQueryable<Message> Matching(string term)
    {
        var messages = db.Messages.AsNoTracking();
        if (term.Length == 0)
        {
            return messages;
        }

        // Lower-casing both sides gives a case-insensitive match on SQLite and PostgreSQL alike. A reference is
        // matched in full or in part, so "NP-3EEB-PQHT", "3eeb-pqht" and "3EEB" all find it.
        var lower = term.ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL lower(); no culture applies there.
        return messages.Where(m => m.Reference.ToLower().Contains(lower) || m.Name.ToLower().Contains(lower) || m.Email.ToLower().Contains(lower)
            || m.Subject.ToLower().Contains(lower) || m.Body.ToLower().Contains(lower));
#pragma warning restore CA1304, CA1311, CA1862
    }
}
