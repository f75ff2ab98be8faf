using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsPortal.Core.Media.Library;
using NewsPortal.Web.Platform.Security;

namespace NewsPortal.Web.Features.Staff.Media;

/// <summary>One library item: how it looks, how to insert it, the articles that use it, and deleting it when none does.</summary>
public sealed class ItemModel(MediaLibrary library, MediaLibraryQueries queries, MediaDescriptions descriptions) : PageModel
{
    /// <summary>The item's words, shown in the form and sent back from it.</summary>
    [BindProperty]
    public MediaDescriptionForm Input { get; set; } = new();

    public MediaItem Item { get; private set; } = null!;

    public IReadOnlyList<MediaUsage> Usage { get; private set; } = [];

    /// <summary>Set when a delete was refused: the articles that still use the item.</summary>
    public bool DeleteRefused { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    /// <summary>Only editors and administrators delete: a reporter's article may depend on another's picture.</summary>
    public bool CanDelete => User.Actor().CanPublish;

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id, fillForm: true) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id)
    {
        ModelState.Clear();
        var errors = await descriptions.DescribeAsync(User.Actor(), id, new MediaDescription(Input.AltText, Input.Caption, Input.Credit), HttpContext.RequestAborted);
        if (errors is null)
        {
            return NotFound();
        }

        if (errors.Count > 0)
        {
            foreach (var (field, error) in errors)
            {
                ModelState.AddModelError($"{nameof(Input)}.{field}", error);
            }

            await LoadAsync(id, fillForm: false);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Notice = $"Item {id} was described again. Articles that show it use the new words now.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id)
    {
        if (!CanDelete)
        {
            return Forbid();
        }

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

        await LoadAsync(id, fillForm: true);
        Usage = inUse;
        DeleteRefused = true;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, bool fillForm)
    {
        if (await queries.FindAsync(id, HttpContext.RequestAborted) is not { } item)
        {
            return false;
        }

        Item = item;
        if (fillForm)
        {
            Input = new MediaDescriptionForm { AltText = item.AltText, Caption = item.Caption, Credit = item.Credit };
        }

        Usage = await queries.UsageAsync(item, HttpContext.RequestAborted);
        return true;
    }
}

public sealed class MediaDescriptionForm
{
    public string? AltText { get; set; }

    public string? Caption { get; set; }

    public string? Credit { get; set; }
}
