using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsPortal.Core.Topics;

namespace NewsPortal.Web.Features.Staff.Topics;

public sealed class IndexModel(TopicEditor editor) : PageModel
{
    public IReadOnlyList<TopicRow> Topics { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync() => Topics = await editor.ListAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostDeleteAsync(int id)
    {
        if (!await editor.DeleteAsync(id, HttpContext.RequestAborted))
        {
            return NotFound();
        }

        Notice = "Topic deleted; its articles are unchanged.";
        return RedirectToPage();
    }
}
