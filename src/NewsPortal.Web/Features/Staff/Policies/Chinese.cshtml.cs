using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsPortal.Core.Activity;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Policies;
using NewsPortal.Web.Features.Policies;
using NewsPortal.Web.Platform.Security;

namespace NewsPortal.Web.Features.Staff.Policies;

/// <summary>
/// The Chinese version of a policy page (/zh/privacy and the like): its title and text, beside the English text in
/// force, and whether it is up to date with it. Each save replaces the Chinese version and records the English
/// revision it translates.
/// </summary>
public sealed class ChineseModel(PolicyQueries queries, PolicyPublishing publishing, ActivityLog activity) : PageModel
{
    public const string Language = ArticleLanguage.Chinese;

    [BindProperty]
    public PolicyTranslationInput Input { get; set; } = new();

    public PolicyTranslationDraftView Draft { get; private set; } = null!;

    /// <summary>The English revision the version just saved translates, for the confirmation.</summary>
    public int? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(string key, int? saved)
    {
        if (!await LoadAsync(key))
        {
            return NotFound();
        }

        Saved = saved;
        Input = new PolicyTranslationInput { Title = Draft.Title, Markdown = Draft.Markdown };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key)
    {
        if (ModelState.IsValid)
        {
            var draft = new PolicyTranslationDraft(Input.Title, Input.Markdown);
            var result = await publishing.SaveTranslationAsync(key, Language, draft, User.DisplayName(), HttpContext.RequestAborted);
            if (result is null)
            {
                return NotFound();
            }

            if (result.Saved is { } saved)
            {
                await activity.RecordAsync(User.Actor(), ActivityActions.PolicyChanged, key,
                    detail: $"Chinese version, from English revision {saved.RevisionNumber}", ct: HttpContext.RequestAborted);
                return Redirect($"/staff/policies/{key}/chinese?saved={saved.RevisionNumber}");
            }

            foreach (var (field, message) in result.Errors)
            {
                ModelState.AddModelError(field.Length == 0 ? "" : $"{nameof(Input)}.{field}", message);
            }
        }

        if (!await LoadAsync(key))
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(string key)
    {
        var draft = await queries.TranslationAsync(key, Language, HttpContext.RequestAborted);
        if (draft is null)
        {
            return false;
        }

        Draft = draft;
        return true;
    }
}

public sealed class PolicyTranslationInput
{
    [Required(ErrorMessage = "Enter the title of the page.")]
    [StringLength(PolicyRules.MaxTitle, ErrorMessage = "The title can be at most {1} characters.")]
    public string Title { get; set; } = "";

    [Required(ErrorMessage = "Enter the text of the page.")]
    [StringLength(PolicyRules.MaxMarkdown, ErrorMessage = "The text can be at most {1} characters.")]
    public string Markdown { get; set; } = "";
}
