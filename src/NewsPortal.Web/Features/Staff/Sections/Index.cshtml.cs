using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsPortal.Core.Articles.Sections;

namespace NewsPortal.Web.Features.Staff.Sections;

public sealed class IndexModel(SectionEditor editor) : PageModel
{
    public IReadOnlyList<SectionRow> Sections { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync() => Sections = await editor.ListAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostMoveAsync(int id, int step) =>
        await editor.MoveAsync(id, step, HttpContext.RequestAborted) ? RedirectToPage() : NotFound();

    public async Task<IActionResult> OnPostDeleteAsync(int id)
    {
        var name = (await editor.FindAsync(id, HttpContext.RequestAborted))?.Name;
        var refusal = await editor.DeleteAsync(id, HttpContext.RequestAborted);
        if (refusal is null)
        {
            return NotFound();
        }

        if (refusal.Length == 0)
        {
            Notice = $"Section \"{name}\" deleted.";
            return RedirectToPage();
        }

        Error = refusal;
        Sections = await editor.ListAsync(HttpContext.RequestAborted);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }
}
