using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsPortal.Core.Activity;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Articles.Editing;
using NewsPortal.Core.FrontPage;
using NewsPortal.Web.Platform.Security;
using NewsPortal.Web.Platform.Site;

namespace NewsPortal.Web.Features.Staff.FrontPage;

/// <summary>The front page (Editor): the lead, up to six featured stories, a lead per section, the breaking-news strip.</summary>
public sealed class IndexModel(FrontPageEditor editor, ActivityLog activity, NewsroomQueries newsroom, SiteTime time, TimeProvider clock) : PageModel
{
    public const string LocalTimeFormat = "yyyy-MM-dd'T'HH:mm";

    [BindProperty]
    public int? Lead { get; set; }

    [BindProperty]
    public List<int?> Featured { get; set; } = [];

    [BindProperty]
    public Dictionary<int, int?> SectionLeads { get; set; } = [];

    [BindProperty]
    public string? StripText { get; set; }

    [BindProperty]
    public string? StripLink { get; set; }

    /// <summary>When the strip ends, as the datetime-local field sends it, in the site's time zone.</summary>
    [BindProperty]
    public string? StripExpiresAt { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public IReadOnlyList<PickableArticle> Articles { get; private set; } = [];

    public IReadOnlyList<Section> Sections { get; private set; } = [];

    public BreakingNews? Strip { get; private set; }

    public bool StripLive => Strip is { } s && s.ExpiresAt > clock.GetUtcNow().UtcDateTime;

    public async Task OnGetAsync()
    {
        var choices = await editor.ChoicesAsync(HttpContext.RequestAborted);
        Lead = choices.Lead;
        Featured = [.. choices.Featured.Select(id => (int?)id)];
        SectionLeads = choices.SectionLeads.ToDictionary(kv => kv.Key, kv => (int?)kv.Value);
        if (choices.Strip is { } strip && strip.ExpiresAt > clock.GetUtcNow().UtcDateTime)
        {
            StripText = strip.Text;
            StripLink = strip.Link;
            StripExpiresAt = time.Local(strip.ExpiresAt).ToString(LocalTimeFormat, CultureInfo.InvariantCulture);
        }
        else
        {
            StripExpiresAt = time.Local(clock.GetUtcNow().UtcDateTime.AddHours(2)).ToString(LocalTimeFormat, CultureInfo.InvariantCulture);
        }

        await LoadAsync(choices);
    }

    public async Task<IActionResult> OnPostPicksAsync()
    {
        ModelState.Clear();
        var errors = await editor.SavePicksAsync(Lead, Featured, SectionLeads, HttpContext.RequestAborted);
        if (errors.Count > 0)
        {
            return await InvalidAsync(errors);
        }

        await activity.SettingsChangedAsync(User.Actor(), "Front page", ct: HttpContext.RequestAborted);
        Notice = "Front page saved. Readers see it now.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostStripAsync()
    {
        ModelState.Clear();
        DateTime? expires = DateTime.TryParseExact(StripExpiresAt, [LocalTimeFormat, "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? time.ToUtc(local)
            : null;
        var errors = await editor.SaveStripAsync(StripText, StripLink, expires, User.DisplayName(), HttpContext.RequestAborted);
        if (errors.Count > 0)
        {
            return await InvalidAsync(errors.ToDictionary(kv => "Strip" + kv.Key, kv => kv.Value));
        }

        await activity.SettingsChangedAsync(User.Actor(), "Breaking news", StripText ?? "", HttpContext.RequestAborted);
        Notice = $"Breaking news shown on every page until {time.Display(expires!.Value)}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveStripAsync()
    {
        await editor.RemoveStripAsync(HttpContext.RequestAborted);
        await activity.SettingsChangedAsync(User.Actor(), "Breaking news removed", ct: HttpContext.RequestAborted);
        Notice = "Breaking news removed.";
        return RedirectToPage();
    }

    private async Task<IActionResult> InvalidAsync(IReadOnlyDictionary<string, string> errors)
    {
        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError(field, message);
        }

        await LoadAsync(await editor.ChoicesAsync(HttpContext.RequestAborted));
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(FrontPageChoices choices)
    {
        Strip = choices.Strip;
        Sections = await newsroom.SectionsAsync(HttpContext.RequestAborted);
        var picked = new[] { Lead }.Concat(Featured).Concat(SectionLeads.Values).OfType<int>();
        Articles = await editor.PickableAsync(picked, HttpContext.RequestAborted);
    }
}
