namespace NewsPortal.Core.Messages;

/// <summary>
/// A tab of the staff inbox: one status (new, read, handled, spam), every message ("all"), or the messages assigned
/// to the member of staff looking ("mine").
/// </summary>
public sealed record InboxTab(string Name, MessageStatus? Status, bool Mine = false)
{
    public static readonly InboxTab Everything = new("all", null);
    public static readonly InboxTab AssignedToMe = new("mine", null, Mine: true);

    public static InboxTab Of(MessageStatus status) => new(status.ToString().ToLowerInvariant(), status);

    /// <summary>The tab's name as staff read it.</summary>
    public string Title => Status?.ToString() ?? (Mine ? "Mine" : "All");
}
