using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Core.Mail;

namespace NewsPortal.Core.Messages;

/// <summary>What staff typed into the reply form.</summary>
public sealed record ReplyInput(string? To, string? Subject, string? Text);

/// <summary>The reply after clean-up, and what is wrong with it by field ("To", "Subject", "Text").</summary>
public sealed record ReplyCheck(string To, string Subject, string Text, IReadOnlyDictionary<string, string> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>One entry of a message's thread: a reply (or the reader's copy) and how far its sending got.</summary>
public sealed record ReplyView(
    int Id, MailKind Kind, string Author, DateTime CreatedAt, string To, string Subject, string Body,
    MailState State, int Attempts, DateTime NextAttemptAt, DateTime? SentAt, string? LastError)
{
    /// <summary>The delivery state as staff read it: "queued", "sent", "failed: reason" or "not sent: reason".</summary>
    public string Delivery => State switch
    {
        MailState.Sent => "sent",
        MailState.Failed => $"failed: {LastError}",
        MailState.NotSent => LastError ?? MailOutbox.NotConfigured,
        MailState.Sending => "sending",
        _ when LastError is not null => string.Create(CultureInfo.InvariantCulture, $"queued (try {Attempts + 1}; the last try failed: {LastError})"),
        _ => "queued",
    };
}

/// <summary>Staff replies to reader messages: checked, stored with the message, and queued in the outbox in one save.</summary>
public sealed class MessageReplies(NewsDbContext db, MailOutbox outbox)
{
    public const string ToField = "To";
    public const string SubjectField = "Subject";
    public const string TextField = "Text";
    public const int MaxText = 20_000;
    public const int MaxSubject = 250;

    /// <summary>The subject a reply starts with: the reader's subject and the reference.</summary>
    public static string DefaultSubject(string subject, string reference) => $"Re: {subject} [{reference}]";

    /// <summary>
    /// Cleans and checks a reply. The address must be one plain address (no display name, list or line break); the
    /// subject becomes one line and always carries the reference; control characters go from the text.
    /// </summary>
    public static ReplyCheck Check(ReplyInput input, string reference)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var to = MessageRules.SingleLine(input.To);
        if (to.Length == 0)
        {
            errors[ToField] = "Enter the address to send the reply to.";
        }
        else if (!MessageRules.IsEmailAddress(to) || to.Length != (input.To ?? "").Trim().Length)
        {
            errors[ToField] = "Enter one email address in the form name@example.com, with no name, comma or line break around it.";
        }

        var subject = MessageRules.SingleLine(input.Subject);
        if (subject.Length == 0)
        {
            errors[SubjectField] = "Enter a subject.";
        }
        else if (MessageRules.HasUnreadable(subject))
        {
            errors[SubjectField] = Text.PlainText.UnreadableError("The subject");
        }
        else if (!subject.Contains(reference, StringComparison.OrdinalIgnoreCase))
        {
            subject = $"{subject} [{reference}]";
        }

        if (subject.Length > MaxSubject)
        {
            errors[SubjectField] = string.Create(CultureInfo.InvariantCulture, $"The subject can be at most {MaxSubject:N0} characters; this one has {subject.Length:N0}.");
        }

        var text = MessageRules.MultiLine(input.Text);
        if (text.Length == 0)
        {
            errors[TextField] = "Write the reply before sending it.";
        }
        else if (MessageRules.HasUnreadable(text))
        {
            errors[TextField] = Text.PlainText.UnreadableError("The reply");
        }
        else if (text.Length > MaxText)
        {
            errors[TextField] = string.Create(CultureInfo.InvariantCulture, $"A reply can be at most {MaxText:N0} characters; this one has {text.Length:N0}. Please shorten it.");
        }

        return new ReplyCheck(to, subject, text, errors);
    }

    /// <summary>
    /// Stores a checked reply with the message and queues it (or keeps it as not sent when <paramref name="canSend"/>
    /// is false). Returns the reply's id, or null when there is no such message.
    /// </summary>
    public async Task<int?> AddAsync(int messageId, string staffId, string author, ReplyCheck reply, string signature, bool canSend, CancellationToken ct = default)
    {
        if (!reply.IsValid)
        {
            throw new ArgumentException("The reply has not passed its check.", nameof(reply));
        }

        if (!await db.Messages.AnyAsync(m => m.Id == messageId, ct))
        {
            return null;
        }

        var body = $"{reply.Text}\n\n-- \n{signature}";
        var mail = outbox.Add(MailKind.Reply, reply.To, reply.Subject, body, canSend, messageId, staffId, author);
        await db.SaveChangesAsync(ct);
        return mail.Id;
    }

    /// <summary>The replies and copies of one message, oldest first.</summary>
    public Task<List<ReplyView>> ThreadAsync(int messageId, CancellationToken ct = default) =>
        db.OutgoingMails.AsNoTracking().Where(m => m.MessageId == messageId)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Select(m => new ReplyView(m.Id, m.Kind, m.Author, m.CreatedAt, m.To, m.Subject, m.Body, m.State, m.Attempts, m.NextAttemptAt, m.SentAt, m.LastError))
            .ToListAsync(ct);
}
