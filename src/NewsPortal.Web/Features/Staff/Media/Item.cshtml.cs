using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsPortal.Core.Media.Library;

namespace NewsPortal.Web.Features.Staff.Media;

/// <summary>One library item: how it looks, how to insert it, the articles that use it, and deleting it when none does.</summary>
public sealed class ItemModel(MediaLibrary library, MediaLibraryQueries queries) : PageModel
{
    public MediaItem Item { get; private set; } = null!;

    public IReadOnlyList<MediaUsage> Usage { get; private set; } = [];

    /// <summary>Set when a delete was refused: the articles that still use the item.</summary>
    public bool DeleteRefused { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostDeleteAsync(int id)
    {
        var (found, inUse) = await library.DeleteAsync(id, HttpContext.RequestAborted);
        if (!found)
        {
            return NotFound();
        }

        if (inUse.Count == 0)
        {
            Notice = $"Item {id} was deleted from the library.";
            return Redirect("/staff/media");
        }

        await LoadAsync(id);
        Usage = inUse;
        DeleteRefused = true;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<bool> LoadAsync(int id)
    {
        if (await queries.FindAsync(id, HttpContext.RequestAborted) is not { } item)
        {
            return false;
        }

        Item = item;
        Usage = await queries.UsageAsync(item, HttpContext.RequestAborted);
        return true;
    }
}
