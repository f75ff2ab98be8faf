using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;

namespace NewsPortal.Core.Messages;

public sealed record MessageListItem(int Id, string Reference, string Name, string Email, string Subject, string Snippet, DateTime ReceivedAt, MessageStatus Status, int NoteCount);

public sealed record InboxPage(
    MessageStatus Status, string Search, IReadOnlyList<MessageListItem> Items, IReadOnlyDictionary<MessageStatus, int> Counts, int Page, int PageSize)
{
    public int Total => Counts.GetValueOrDefault(Status);

    public int TotalPages => Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize));
}

public sealed record MessageNoteView(string Author, string Text, DateTime CreatedAt);

public sealed record MessageDetail(
    int Id, string Reference, string Name, string Email, string Subject, string Body, MessageStatus Status,
    DateTime ReceivedAt, DateTime? StatusChangedAt, string? SpamReason, IReadOnlyList<MessageNoteView> Notes);

/// <summary>Reader messages: storing what readers send, and the staff inbox over them.</summary>
public sealed class MessageInbox(NewsDbContext db, TimeProvider clock)
{
    public const int PageSize = 25;
    public const int MaxNote = 4000;
    public const int MaxSearch = 200;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Stores a message (as spam when <paramref name="spamReason"/> is given) and returns its reference
    /// once the row is committed.
    /// </summary>
    public async Task<string> SubmitAsync(CleanMessage message, string? spamReason, CancellationToken ct = default)
    {
        var reference = MessageReference.New();
        while (await db.Messages.AnyAsync(m => m.Reference == reference, ct))
        {
            reference = MessageReference.New();
        }

        var now = Now;
        db.Messages.Add(new Message
        {
            Reference = reference,
            Name = message.Name,
            Email = message.Email,
            Subject = message.Subject,
            Body = message.Body,
            Status = spamReason is null ? MessageStatus.New : MessageStatus.Spam,
            SpamReason = spamReason,
            ReceivedAt = now,
            StatusChangedAt = spamReason is null ? null : now,
        });
        await db.SaveChangesAsync(ct);
        return reference;
    }

    public Task<bool> ExistsAsync(string reference, CancellationToken ct = default) =>
        db.Messages.AnyAsync(m => m.Reference == reference, ct);

    public async Task<InboxPage> ListAsync(MessageStatus status, string? search, int page, CancellationToken ct = default)
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

        var pages = Math.Max(1, (int)Math.Ceiling(counts[status] / (double)PageSize));
        page = Math.Clamp(page, 1, pages);
        var items = await matching.Where(m => m.Status == status)
            .OrderByDescending(m => m.ReceivedAt).ThenByDescending(m => m.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(m => new { m.Id, m.Reference, m.Name, m.Email, m.Subject, m.Body, m.ReceivedAt, m.Status, Notes = m.Notes.Count })
            .ToListAsync(ct);
        var list = items.Select(m => new MessageListItem(
            m.Id, m.Reference, m.Name, m.Email, m.Subject, Snippet(m.Body), m.ReceivedAt, m.Status, m.Notes)).ToList();
        return new InboxPage(status, term, list, counts, page, PageSize);
    }

    /// <summary>Opens a message for staff; a New message becomes Read.</summary>
    public async Task<MessageDetail?> OpenAsync(int id, CancellationToken ct = default)
    {
        var message = await db.Messages.Include(m => m.Notes).FirstOrDefaultAsync(m => m.Id == id, ct);
        if (message is null)
        {
            return null;
        }

        if (message.Status == MessageStatus.New)
        {
            message.Status = MessageStatus.Read;
            message.StatusChangedAt = Now;
            await db.SaveChangesAsync(ct);
        }

        return new MessageDetail(
            message.Id, message.Reference, message.Name, message.Email, message.Subject, message.Body, message.Status,
            message.ReceivedAt, message.StatusChangedAt, message.SpamReason,
            message.Notes.OrderBy(n => n.CreatedAt).ThenBy(n => n.Id).Select(n => new MessageNoteView(n.Author, n.Text, n.CreatedAt)).ToList());
    }

    /// <summary>Moves a message to another tab. False when there is no such message.</summary>
    public async Task<bool> SetStatusAsync(int id, MessageStatus status, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(status))
        {
            throw new ArgumentOutOfRangeException(nameof(status));
        }

        var message = await db.Messages.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (message is null)
        {
            return false;
        }

        if (message.Status != status)
        {
            message.Status = status;
            message.StatusChangedAt = Now;
            if (status != MessageStatus.Spam)
            {
                message.SpamReason = null;
            }

            await db.SaveChangesAsync(ct);
        }

        return true;
    }

    /// <summary>Checks a note's text: the cleaned text, or why it cannot be added.</summary>
    public static (string Text, string? Error) CheckNote(string? text)
    {
        var clean = MessageRules.MultiLine(text);
        return clean.Length switch
        {
            0 => (clean, "Write the note before adding it."),
            _ when MessageRules.HasUnreadable(clean) => (clean, Text.PlainText.UnreadableError("The note")),
            > MaxNote => (clean, $"A note can be at most {MaxNote:N0} characters; this one has {clean.Length:N0}."),
            _ => (clean, null),
        };
    }

    /// <summary>Adds an internal note. False when there is no such message; the text must have passed <see cref="CheckNote"/>.</summary>
    public async Task<bool> AddNoteAsync(int id, string author, string text, CancellationToken ct = default)
    {
        var (clean, error) = CheckNote(text);
        if (error is not null)
        {
            throw new ArgumentException(error, nameof(text));
        }

        if (!await db.Messages.AnyAsync(m => m.Id == id, ct))
        {
            return false;
        }

        db.MessageNotes.Add(new MessageNote { MessageId = id, Author = author, Text = clean, CreatedAt = Now });
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The messages of one tab matching a search, newest first, for export.</summary>
    public IAsyncEnumerable<MessageExportRow> ExportAsync(MessageStatus status, string? search, Func<DateTime, string> formatTime)
    {
        var term = NormalizeSearch(search);
        return Matching(term).Where(m => m.Status == status)
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

    /// <summary>Deletes messages (and their notes) received before <paramref name="cutoff"/>. Returns how many.</summary>
    public Task<int> DeleteReceivedBeforeAsync(DateTime cutoff, CancellationToken ct = default) =>
        db.Messages.Where(m => m.ReceivedAt < cutoff).ExecuteDeleteAsync(ct);

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

        // Lower-casing both sides gives a case-insensitive match on SQLite and PostgreSQL alike.
        var lower = term.ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL lower(); no culture applies there.
        return messages.Where(m => m.Name.ToLower().Contains(lower) || m.Email.ToLower().Contains(lower)
            || m.Subject.ToLower().Contains(lower) || m.Body.ToLower().Contains(lower));
#pragma warning restore CA1304, CA1311, CA1862
    }
}
