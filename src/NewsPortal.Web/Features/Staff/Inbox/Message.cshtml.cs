using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsPortal.Core.Messages;

namespace NewsPortal.Web.Features.Staff.Inbox;

public sealed class MessageModel(MessageInbox inbox) : PageModel
{
    public MessageDetail Message { get; private set; } = null!;

    [BindProperty]
    public string? NoteText { get; set; }

    public string? NoteError { get; private set; }

    /// <summary>Opening a New message marks it Read.</summary>
    public async Task<IActionResult> OnGetAsync(int id)
    {
        var message = await inbox.OpenAsync(id, HttpContext.RequestAborted);
        if (message is null)
        {
            return NotFound();
        }

        Message = message;
        return Page();
    }

    public async Task<IActionResult> OnPostNoteAsync(int id)
    {
        var (text, error) = MessageInbox.CheckNote(NoteText);
        if (error is not null)
        {
            NoteError = error;
            var result = await OnGetAsync(id);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return result;
        }

        return await inbox.AddNoteAsync(id, User.Identity?.Name ?? "staff", text, HttpContext.RequestAborted)
            ? Redirect($"/staff/inbox/{id}#notes")
            : NotFound();
    }

    /// <summary>Moves the message to another tab; back to the message, or to the list when it is marked New again.</summary>
    public async Task<IActionResult> OnPostStatusAsync(int id, string? status)
    {
        if (InboxTabs.TryParse(status) is not { } target)
        {
            return BadRequest();
        }

        if (!await inbox.SetStatusAsync(id, target, HttpContext.RequestAborted))
        {
            return NotFound();
        }

        return Redirect(target == MessageStatus.New ? InboxTabs.Link(MessageStatus.New, null) : $"/staff/inbox/{id}");
    }
}
