using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsPortal.Core.Messages;

namespace NewsPortal.Web.Features.Messages;

public sealed class ThanksModel(MessageInbox inbox) : PageModel
{
    public string Reference { get; private set; } = "";

    /// <summary>Shows a reference only when a message with it is stored; anything else is a 404.</summary>
    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "ref")] string? reference)
    {
        if (!MessageReference.LooksValid(reference) || !await inbox.ExistsAsync(reference!, HttpContext.RequestAborted))
        {
            return NotFound();
        }

        // One reader's reference, and the cache key does not hold it: never cached.
        Response.Headers.CacheControl = "no-store";
        Reference = reference!;
        return Page();
    }
}
