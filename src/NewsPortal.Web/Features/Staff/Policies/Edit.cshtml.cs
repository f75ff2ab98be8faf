using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsPortal.Core.Activity;
using NewsPortal.Core.Policies;
using NewsPortal.Web.Features.Policies;
using NewsPortal.Web.Platform.Security;
using NewsPortal.Web.Platform.Site;

namespace NewsPortal.Web.Features.Staff.Policies;

public sealed class EditModel(PolicyQueries queries, PolicyPublishing publishing, ActivityLog activity, SiteTime time, TimeProvider clock) : PageModel
{
    [BindProperty]
    public PolicyRevisionInput Input { get; set; } = new();

    public PolicyHistory History { get; private set; } = null!;

    /// <summary>The revision number just saved, for the confirmation.</summary>
    public int? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(string key, int? saved)
    {
        if (!await LoadAsync(key))
        {
            return NotFound();
        }

        Saved = saved;
        var local = time.Local(clock.GetUtcNow().UtcDateTime).DateTime;
        Input = new PolicyRevisionInput
        {
            Markdown = History.LatestMarkdown,
            EffectiveAt = new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, DateTimeKind.Unspecified),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key)
    {
        if (ModelState.IsValid)
        {
            var draft = new PolicyRevisionDraft(Input.Markdown, time.ToUtc(Input.EffectiveAt!.Value), Input.IsMaterial);
            var result = await publishing.AddRevisionAsync(key, draft, User.DisplayName(), HttpContext.RequestAborted);
            if (result is null)
            {
                return NotFound();
            }

            if (result.Saved is { } saved)
            {
                await activity.RecordAsync(User.Actor(), ActivityActions.PolicyChanged, key, detail: $"revision {saved.Number}", ct: HttpContext.RequestAborted);
                return Redirect($"/staff/policies/{key}?saved={saved.Number}");
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
        var history = await queries.HistoryAsync(key, HttpContext.RequestAborted);
        if (history is null)
        {
            return false;
        }

        History = history;
        return true;
    }
}

public sealed class PolicyRevisionInput
{
    [Required(ErrorMessage = "Enter the text of the page.")]
    [StringLength(PolicyRules.MaxMarkdown, ErrorMessage = "The text can be at most {1} characters.")]
    public string Markdown { get; set; } = "";

    /// <summary>In the site's time zone, as staff type it.</summary>
    [Required(ErrorMessage = "Enter the date and time the revision takes effect.")]
    [Display(Name = "Takes effect")]
    public DateTime? EffectiveAt { get; set; }

    public bool IsMaterial { get; set; }
}
