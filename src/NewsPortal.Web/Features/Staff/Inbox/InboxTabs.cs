using NewsPortal.Core.Messages;

namespace NewsPortal.Web.Features.Staff.Inbox;

/// <summary>The inbox tabs and their names in URLs (?tab=new|read|handled|spam).</summary>
public static class InboxTabs
{
    public static readonly IReadOnlyList<MessageStatus> All = [MessageStatus.New, MessageStatus.Read, MessageStatus.Handled, MessageStatus.Spam];

    public static string Name(MessageStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>The tab a URL names; New when it names none.</summary>
    public static MessageStatus Parse(string? name) => TryParse(name) ?? MessageStatus.New;

    /// <summary>
    /// The tab named, or null: exactly one of the tab names (Enum.TryParse would also take numbers and
    /// combinations such as "Handled,Spam").
    /// </summary>
    public static MessageStatus? TryParse(string? name) =>
        All.Where(s => string.Equals(Name(s), name, StringComparison.OrdinalIgnoreCase)).Cast<MessageStatus?>().FirstOrDefault();

    /// <summary>A link to a tab, keeping the search.</summary>
    public static string Link(MessageStatus status, string? search, int page = 1, string path = "/staff/inbox")
    {
        var query = $"?tab={Name(status)}";
        if (!string.IsNullOrEmpty(search))
        {
            query += $"&q={Uri.EscapeDataString(search)}";
        }

        if (page > 1)
        {
            query += $"&page={page}";
        }

        return path + query;
    }
}
