using NewsPortal.Core.Messages;

namespace NewsPortal.Web.Features.Staff.Inbox;

/// <summary>The inbox tabs and their names in URLs (?tab=new|read|handled|spam|all|mine).</summary>
public static class InboxTabs
{
    public static readonly IReadOnlyList<MessageStatus> Statuses = [MessageStatus.New, MessageStatus.Read, MessageStatus.Handled, MessageStatus.Spam];

    public static readonly IReadOnlyList<InboxTab> All =
        [.. Statuses.Select(InboxTab.Of), InboxTab.Everything, InboxTab.AssignedToMe];

    public static string Name(MessageStatus status) => InboxTab.Of(status).Name;

    /// <summary>The tab a URL names; New when it names none.</summary>
    public static InboxTab Parse(string? name) => TryParse(name) ?? InboxTab.Of(MessageStatus.New);

    /// <summary>
    /// The tab named, or null: exactly one of the tab names (Enum.TryParse would also take numbers and
    /// combinations such as "Handled,Spam").
    /// </summary>
    public static InboxTab? TryParse(string? name) =>
        All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>A link to a tab, keeping the search.</summary>
    public static string Link(InboxTab tab, string? search, int page = 1, string path = "/staff/inbox")
    {
        var query = $"?tab={tab.Name}";
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
