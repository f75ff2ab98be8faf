namespace NewsPortal.Core.Messages;

public enum MessageStatus
{
    New = 0,
    Read = 1,
    Handled = 2,
    Spam = 3,
}

/// <summary>A message a reader left through the "Leaving a message" form.</summary>
public class Message
{
    public int Id { get; set; }

    /// <summary>The reference number shown to the reader once the message is stored.</summary>
    public string Reference { get; set; } = "";
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public MessageStatus Status { get; set; }
    public DateTime ReceivedAt { get; set; }
    public DateTime? StatusChangedAt { get; set; }

    /// <summary>Why the message was filed as spam automatically (for example the honeypot), if it was.</summary>
    public string? SpamReason { get; set; }
    public List<MessageNote> Notes { get; set; } = [];

    /// <summary>The member of staff the message is assigned to, if any.</summary>
    public string? AssignedToId { get; set; }
    public Staff.StaffUser? AssignedTo { get; set; }

    /// <summary>Replies and the reader's copy, in the outbox.</summary>
    public List<Mail.OutgoingMail> Mails { get; set; } = [];
}

/// <summary>An internal note staff add to a message; never shown to the reader.</summary>
public class MessageNote
{
    public int Id { get; set; }
    public int MessageId { get; set; }
    public Message? Message { get; set; }
    public string Author { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
