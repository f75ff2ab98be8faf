using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsPortal.Core.Review;
using NewsPortal.Web.Features.Mail;
using NewsPortal.Web.Platform.Security;

namespace NewsPortal.Web.Features.Staff.Articles;

/// <summary>Review actions on an article: comment on it, or (editors) return it to its reporter with a comment.</summary>
public sealed class ReviewModel(ArticleDesk desk, OutboxSignal outbox) : PageModel
{
    [BindProperty]
    public string? Comment { get; set; }

    public string? Problem { get; private set; }

    public int Id { get; private set; }

    public IActionResult OnGet(int id) => Redirect($"/staff/articles/edit/{id}#review");

    public Task<IActionResult> OnPostCommentAsync(int id) =>
        DoneAsync(id, desk.CommentAsync(User.Actor(), id, Comment, HttpContext.RequestAborted), "Comment added.");

    public Task<IActionResult> OnPostReturnAsync(int id) =>
        DoneAsync(id, desk.ReturnAsync(User.Actor(), id, Comment, HttpContext.RequestAborted), "Returned to the reporter with your comment.");

    private async Task<IActionResult> DoneAsync(int id, Task<DeskOutcome> work, string notice)
    {
        var outcome = await work;
        if (outcome.Forbidden is not null)
        {
            return Forbid();
        }

        if (outcome.Result.NotFound)
        {
            return NotFound();
        }

        if (!outcome.Result.Succeeded)
        {
            Id = id;
            Problem = outcome.Result.Errors.Values.First();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        outbox.Wake();
        TempData["Notice"] = notice;
        return Redirect($"/staff/articles/edit/{id}#review");
    }
}
