using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsPortal.Core.Articles.Editing;
using NewsPortal.Core.Review;
using NewsPortal.Web.Platform.Caching;
using NewsPortal.Web.Platform.Security;
using NewsPortal.Web.Platform.Site;

namespace NewsPortal.Web.Features.Staff.Articles;

/// <summary>An article's revisions: what changed between two, and restoring an old one.</summary>
public sealed class RevisionsModel(NewsroomQueries queries, ArticleEditor editor, ArticleDesk desk) : PageModel
{
    public int Id { get; private set; }

    public ArticleForEditing Article { get; private set; } = null!;

    public IReadOnlyList<RevisionRow> Revisions { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public int? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? To { get; set; }

    public IReadOnlyList<DiffLine>? Diff { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await desk.RefuseOpeningAsync(User.Actor(), id, HttpContext.RequestAborted) is not null)
        {
            return Forbid();
        }

        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (From is null && To is null && Revisions.Count >= 2)
        {
            (From, To) = (Revisions[1].Number, Revisions[0].Number);
        }

        if (From is { } from && To is { } to)
        {
            Diff = await queries.DiffAsync(id, from, to, HttpContext.RequestAborted);
            if (Diff is null)
            {
                return NotFound();
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(int id, int number)
    {
        if (await desk.RefuseOpeningAsync(User.Actor(), id, HttpContext.RequestAborted) is not null)
        {
            return Forbid();
        }

        var result = await editor.RestoreAsync(id, number, User.DisplayName(), HttpContext.RequestAborted);
        if (result.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            await LoadAsync(id);
            Error = "Revision " + number + " could not be restored: " + string.Join(" ", result.Errors.Values);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        Notice = $"Revision {number} restored as revision {result.RevisionNumber}.";
        return RedirectToPage(new { id, from = number, to = result.RevisionNumber });
    }

    private async Task<bool> LoadAsync(int id)
    {
        Id = id;
        var article = await queries.ForEditingAsync(id, HttpContext.RequestAborted);
        if (article is null)
        {
            return false;
        }

        Article = article;
        Revisions = await queries.RevisionsAsync(id, HttpContext.RequestAborted);
        return true;
    }
}
