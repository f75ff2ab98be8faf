using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Messages;

namespace NewsPortal.Web.Features.Staff.Inbox;

public sealed class IndexModel(MessageInbox inbox) : PageModel
{
    public InboxPage Inbox { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? tab, string? q, [FromQuery(Name = "page")] string? page)
    {
        if (Paging.Parse(page) is not { } number)
        {
            return NotFound();
        }

        Inbox = await inbox.ListAsync(InboxTabs.Parse(tab), q, number, HttpContext.RequestAborted);
        return Page();
    }
}
