using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Messages;
using NewsPortal.Core.Staff;

namespace NewsPortal.Web.Features.Staff.Inbox;

public sealed class IndexModel(MessageInbox inbox, MessageDigests digests, UserManager<StaffUser> users) : PageModel
{
    public InboxPage Inbox { get; private set; } = null!;

    /// <summary>True when the member of staff looking gets the email digest of new messages.</summary>
    public bool Digest { get; private set; }

    /// <summary>
    /// A tab, with an optional search. A search from the search box (no tab named) looks in every tab; the tab
    /// links then narrow it.
    /// </summary>
    public async Task<IActionResult> OnGetAsync(string? tab, string? q, [FromQuery(Name = "page")] string? page)
    {
        if (Paging.Parse(page) is not { } number)
        {
            return NotFound();
        }

        var chosen = tab is null && !string.IsNullOrWhiteSpace(q) ? InboxTab.Everything : InboxTabs.Parse(tab);
        var staffId = users.GetUserId(User);
        Inbox = await inbox.ListAsync(chosen, q, number, staffId, HttpContext.RequestAborted);
        Digest = staffId is not null && await digests.WantsAsync(staffId, HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>Turns the email digest of new messages on or off for the member of staff signed in.</summary>
    public async Task<IActionResult> OnPostDigestAsync(string? digest)
    {
        if (users.GetUserId(User) is not { } staffId)
        {
            return Forbid();
        }

        await digests.ChooseAsync(staffId, digest == "on", HttpContext.RequestAborted);
        return Redirect("/staff/inbox#digest");
    }
}
