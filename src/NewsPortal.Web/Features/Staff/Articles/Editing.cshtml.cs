using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NewsPortal.Core.Review;
using NewsPortal.Web.Platform.Localization;
using NewsPortal.Web.Platform.Security;

namespace NewsPortal.Web.Features.Staff.Articles;

/// <summary>The article form's heartbeat: renews the caller's editing lease and says who else is editing.</summary>
public sealed class EditingModel(ArticleDesk desk, EditingPresence presence, IStringLocalizer<StaffText> staffText) : PageModel
{
    public IActionResult OnGet(int id) => Redirect($"/staff/articles/edit/{id}");

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await desk.RefuseOpeningAsync(User.Actor(), id, HttpContext.RequestAborted) is not null)
        {
            return Forbid();
        }

        var others = await presence.RenewAsync(id, User.Actor(), HttpContext.RequestAborted);
        return new JsonResult(new { others, notice = staffText.Message(Describe(others)) });
    }

    /// <summary>The notice shown to someone editing while <paramref name="others"/> are too (empty when nobody is).</summary>
    public static string Describe(IReadOnlyList<string> others) => others.Count switch
    {
        0 => "",
        1 => $"{others[0]} is editing this article too. Nothing is locked: if you both save, the later save is shown what changed first.",
        _ => $"{string.Join(", ", others)} are editing this article too. Nothing is locked: if you both save, the later save is shown what changed first.",
    };
}
