using Microsoft.AspNetCore.Mvc;
using NewsPortal.Web.Platform.Security;

namespace NewsPortal.Web.Features.Staff.Articles;

/// <summary>A correction added under a published article, from the box below the editing form.</summary>
public sealed partial class EditModel
{
    public async Task<IActionResult> OnPostCorrectionAsync(int id)
    {
        ModelState.Clear();
        if (!User.Actor().CanPublish)
        {
            return Forbid();
        }

        var result = await editor.AddCorrectionAsync(id, CorrectionText, HttpContext.RequestAborted);
        if (result.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            await LoadAsync(id);
            Input = Existing!.Input;
            foreach (var (field, error) in result.Errors)
            {
                ModelState.AddModelError(ArticleFormFields.Of(field), error);
            }

            return Invalid();
        }

        Notice = "Correction added. Readers see it under the article.";
        return RedirectToPage(new { id });
    }
}
