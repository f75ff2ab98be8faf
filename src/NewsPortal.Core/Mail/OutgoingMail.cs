using NewsPortal.Core.Messages;

namespace NewsPortal.Core.Mail;

public enum MailKind
{
    /// <summary>A staff reply to a reader's message.</summary>
    Reply = 0,

    /// <summary>The copy of their own message a reader asked for.</summary>
    ReaderCopy = 1,

    /// <summary>The digest of new messages a member of staff asked for.</summary>
    Digest = 2,

    /// <summary>A note to a reporter that their draft was returned or approved.</summary>
    ReviewNotice = 3,
}

public enum MailState
{
    /// <summary>Waiting to be sent (first try, or again after a failure).</summary>
    Queued = 0,

    /// <summary>Claimed by one sender until <see cref="OutgoingMail.ClaimedUntil"/>.</summary>
    Sending = 1,
    Sent = 2,

    /// <summary>Given up: the server refused it for good, or every try failed.</summary>
    Failed = 3,

    /// <summary>Kept, but never to be sent: no mail server was configured when it was written.</summary>
    NotSent = 4,
}

/// <summary>
/// One email in the outbox. It is stored first, in the same save as what it belongs to, and sent afterwards by the
/// outbox service; its state records how far it got.
/// </summary>
public class OutgoingMail
{
    public int Id { get; set; }
    public MailKind Kind { get; set; }

    /// <summary>The reader's message a reply or a copy belongs to (deleted with it).</summary>
    public int? MessageId { get; set; }
    public Message? Message { get; set; }

    /// <summary>The staff account that wrote a reply, or the one a digest is for.</summary>
    public string? StaffId { get; set; }

    /// <summary>Who wrote it, as shown in the thread (kept when the account goes).</summary>
    public string Author { get; set; } = "";
    public string To { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public MailState State { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }

    /// <summary>The token of the sender that claimed it; only that sender may record the outcome.</summary>
    public string? ClaimToken { get; set; }
    public DateTime? ClaimedUntil { get; set; }
    public DateTime? SentAt { get; set; }

    /// <summary>Why the last try failed, or why it was not sent.</summary>
    public string? LastError { get; set; }

    /// <summary>The Message-ID header, the same on every try, so a receiving system can tell a repeat.</summary>
    public string MessageIdHeader { get; set; } = "";
}
