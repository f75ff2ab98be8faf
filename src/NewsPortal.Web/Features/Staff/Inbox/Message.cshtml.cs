using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using NewsPortal.Core.Messages;
using NewsPortal.Core.Staff;
using NewsPortal.Web.Features.Mail;
using NewsPortal.Web.Platform.Site;
using NewsPortal.Web.Platform.Security;

namespace NewsPortal.Web.Features.Staff.Inbox;

/// <summary>One message: its replies (sent through the outbox), notes, status and assignment.</summary>
// A reply over the site's usual 512 KB form value still reaches the page, to be refused with its length beside the field.
[RequestFormLimits(ValueLengthLimit = MaxReplyFormBytes, Order = -1000)]
public sealed class MessageModel(
    MessageInbox inbox, MessageReplies replies, OutboxSignal outbox, IOptions<MailOptions> mail, IOptions<SiteOptions> site, UserManager<StaffUser> users) : PageModel
{
    private const int MaxReplyFormBytes = 2 * 1024 * 1024;

    public MessageDetail Message { get; private set; } = null!;

    public IReadOnlyList<ReplyView> Thread { get; private set; } = [];

    public IReadOnlyList<StaffChoice> Staff { get; private set; } = [];

    public bool MailConfigured => mail.Value.IsConfigured;

    [BindProperty]
    public string? NoteText { get; set; }

    public string? NoteError { get; private set; }

    [BindProperty]
    public string? ReplyTo { get; set; }

    [BindProperty]
    public string? ReplySubject { get; set; }

    [BindProperty]
    public string? ReplyText { get; set; }

    public IReadOnlyDictionary<string, string> ReplyErrors { get; private set; } = new Dictionary<string, string>();

    /// <summary>Opening a New message marks it Read.</summary>
    public async Task<IActionResult> OnGetAsync(int id)
    {
        var message = await inbox.OpenAsync(id, HttpContext.RequestAborted);
        if (message is null)
        {
            return NotFound();
        }

        Message = message;
        Thread = await replies.ThreadAsync(id, HttpContext.RequestAborted);
        Staff = await inbox.InboxStaffAsync(HttpContext.RequestAborted);
        if (!HttpMethods.IsPost(Request.Method))
        {
            ReplyTo = message.Email;
            ReplySubject = MessageReplies.DefaultSubject(message.Subject, message.Reference);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostNoteAsync(int id)
    {
        var (text, error) = MessageInbox.CheckNote(NoteText);
        if (error is not null)
        {
            NoteError = error;
            return await AgainAsync(id);
        }

        return await inbox.AddNoteAsync(id, User.DisplayName(), text, HttpContext.RequestAborted)
            ? Redirect($"/staff/inbox/{id}#notes")
            : NotFound();
    }

    /// <summary>Stores the reply with the message and queues it; the outbox sends it (or it is kept as not sent).</summary>
    public async Task<IActionResult> OnPostReplyAsync(int id)
    {
        var reference = await inbox.ReferenceAsync(id, HttpContext.RequestAborted);
        if (reference is null)
        {
            return NotFound();
        }

        var check = MessageReplies.Check(new ReplyInput(ReplyTo, ReplySubject, ReplyText), reference);
        if (!check.IsValid)
        {
            ReplyErrors = check.Errors;
            return await AgainAsync(id);
        }

        var signature = $"{site.Value.Name}\nReference: {reference}\n{site.Value.ContactEmail}";
        if (await replies.AddAsync(id, users.GetUserId(User) ?? "", User.DisplayName(), check, signature, mail.Value.IsConfigured, HttpContext.RequestAborted) is null)
        {
            return NotFound();
        }

        outbox.Wake();
        return Redirect($"/staff/inbox/{id}#replies");
    }

    /// <summary>Moves the message to another tab; back to the message, or to the list when it is marked New again.</summary>
    public async Task<IActionResult> OnPostStatusAsync(int id, string? status)
    {
        if (InboxTabs.TryParse(status)?.Status is not { } target)
        {
            return BadRequest();
        }

        if (!await inbox.SetStatusAsync(id, target, HttpContext.RequestAborted))
        {
            return NotFound();
        }

        return Redirect(target == MessageStatus.New ? InboxTabs.Link(InboxTab.Of(MessageStatus.New), null) : $"/staff/inbox/{id}");
    }

    /// <summary>Assigns the message to a member of staff with the inbox, or to nobody (an empty choice).</summary>
    public async Task<IActionResult> OnPostAssignAsync(int id, string? assignTo)
    {
        return await inbox.AssignAsync(id, string.IsNullOrEmpty(assignTo) ? null : assignTo, HttpContext.RequestAborted) switch
        {
            AssignResult.Done => Redirect($"/staff/inbox/{id}"),
            AssignResult.NoSuchMessage => NotFound(),
            _ => BadRequest(),
        };
    }

    /// <summary>The page again, with what was typed and what to fix (422).</summary>
    private async Task<IActionResult> AgainAsync(int id)
    {
        var result = await OnGetAsync(id);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return result;
    }
}
