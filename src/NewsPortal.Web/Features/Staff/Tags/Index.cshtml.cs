using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsPortal.Core.Articles.Taxonomy;

namespace NewsPortal.Web.Features.Staff.Tags;

public sealed class IndexModel(TagEditor editor) : PageModel
{
    public IReadOnlyList<TagRow> Tags { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync() => Tags = await editor.ListAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostMergeAsync(int from, int into)
    {
        var (merged, message) = await editor.MergeAsync(from, into, HttpContext.RequestAborted);
        if (merged)
        {
            Notice = message;
            return RedirectToPage();
        }

        Error = message;
        Tags = await editor.ListAsync(HttpContext.RequestAborted);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
