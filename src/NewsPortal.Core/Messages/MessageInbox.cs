using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Core.Mail;

namespace NewsPortal.Core.Messages;

public sealed record MessageNoteView(string Author, string Text, DateTime CreatedAt);

public sealed record MessageDetail(
    int Id, string Reference, string Name, string Email, string Subject, string Body, MessageStatus Status,
    DateTime ReceivedAt, DateTime? StatusChangedAt, string? SpamReason, IReadOnlyList<MessageNoteView> Notes,
    string? AssignedToId = null, string? AssignedToName = null);

/// <summary>A reader's wish for a copy of their message by email, and whether mail can be sent at all.</summary>
public sealed record CopyRequest(string SiteName, bool CanSend);

/// <summary>Reader messages: storing what readers send, and the staff inbox over them.</summary>
public sealed partial class MessageInbox(NewsDbContext db, TimeProvider clock, MailOutbox outbox)
{
    public const int PageSize = 25;
    public const int MaxNote = 4000;
    public const int MaxSearch = 200;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Stores a message (as spam when <paramref name="spamReason"/> is given) and returns its reference
    /// once the row is committed. When the reader asked for a <paramref name="copy"/>, it is queued in the same
    /// save (never for spam, so the form cannot be used to send mail to others in bulk).
    /// </summary>
    public async Task<string> SubmitAsync(CleanMessage message, string? spamReason, CopyRequest? copy = null, CancellationToken ct = default)
    {
        var reference = MessageReference.New();
        while (await db.Messages.AnyAsync(m => m.Reference == reference, ct))
        {
            reference = MessageReference.New();
        }

        var now = Now;
        var stored = new Message
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
        };
        db.Messages.Add(stored);
        if (copy is not null && spamReason is null)
        {
            var body = $"Thank you for your message. This is the copy you asked for.\n\nReference: {reference}\nSubject: {message.Subject}\n\n{message.Body}\n\n-- \n{copy.SiteName}\n";
            outbox.Add(MailKind.ReaderCopy, message.Email, $"Your message to {copy.SiteName}: {message.Subject} [{reference}]", body, copy.CanSend, author: message.Name)
                .Message = stored;
        }

        await db.SaveChangesAsync(ct);
        return reference;
    }

    public Task<bool> ExistsAsync(string reference, CancellationToken ct = default) =>
        db.Messages.AnyAsync(m => m.Reference == reference, ct);

    /// <summary>Opens a message for staff; a New message becomes Read.</summary>
    public async Task<MessageDetail?> OpenAsync(int id, CancellationToken ct = default)
    {
        var message = await db.Messages.Include(m => m.Notes).Include(m => m.AssignedTo).FirstOrDefaultAsync(m => m.Id == id, ct);
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
            message.Notes.OrderBy(n => n.CreatedAt).ThenBy(n => n.Id).Select(n => new MessageNoteView(n.Author, n.Text, n.CreatedAt)).ToList(),
            message.AssignedToId, message.AssignedTo is { } staff ? StaffName(staff.DisplayName, staff.Email) : null);
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

    /// <summary>Deletes messages (and their notes) received before <paramref name="cutoff"/>. Returns how many.</summary>
    public Task<int> DeleteReceivedBeforeAsync(DateTime cutoff, CancellationToken ct = default) =>
        db.Messages.Where(m => m.ReceivedAt < cutoff).ExecuteDeleteAsync(ct);
}
