using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using NewsPortal.Core.Activity;
using NewsPortal.Core.Media;
using NewsPortal.Core.Site;
using NewsPortal.Web.Platform.Data;
using NewsPortal.Web.Platform.Security;
using NewsPortal.Web.Platform.Site;

namespace NewsPortal.Web.Features.Staff.Settings;

/// <summary>Site details (Admin): name, logo, slogans, hotline, licence numbers, contact, social accounts, language, time zone.</summary>
public sealed class IndexModel(
    SiteDetailsEditor editor, ActivityLog activity, IOptions<SiteOptions> site, IOptions<MediaOptions> media, ILogger<IndexModel> log) : PageModel
{
    [BindProperty]
    public SiteDetailsInput Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Logo { get; set; }

    [TempData]
    public string? Notice { get; set; }

    /// <summary>The settings in force: the configuration's until the first save here.</summary>
    public SiteOptions Current => site.Value;

    public long MaxUploadBytes => media.Value.MaxUploadBytes;

    public void OnGet()
    {
        var s = site.Value;
        Input = new SiteDetailsInput
        {
            Name = s.Name,
            Slogans = string.Join('\n', s.Slogans),
            ChineseSlogans = string.Join('\n', s.ChineseSlogans),
            ReportHotline = s.ReportHotline,
            IcpLicence = s.IcpLicence,
            NewsServicePermit = s.NewsServicePermit,
            ContactEmail = s.ContactEmail,
            SocialAccounts = string.Join('\n', s.Social.Select(a => $"{a.Name} {a.Url}")),
            Language = s.Language,
            TimeZone = s.TimeZone,
        };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var upload = Logo is { } file ? new UploadedFile(file.FileName, file.Length, file.OpenReadStream) : null;
        IReadOnlyDictionary<string, string> errors;
        try
        {
            errors = await editor.SaveAsync(Input, upload, User.DisplayName(), HttpContext.RequestAborted);
        }
        catch (Exception ex) when (StorageFailures.IsOutOfSpace(ex))
        {
            log.LogError("Saving the site details failed: the server is out of disk space ({Error})", ex.Message);
            ModelState.AddModelError("", "The server is out of disk space; nothing was saved. Ask the administrator to free space, then send the form again.");
            Response.StatusCode = StatusCodes.Status507InsufficientStorage;
            return Page();
        }

        if (errors.Count > 0)
        {
            foreach (var (field, message) in errors)
            {
                ModelState.AddModelError(field == "Logo" ? nameof(Logo) : $"{nameof(Input)}.{field}", message);
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await activity.SettingsChangedAsync(User.Actor(), "Site details", ct: HttpContext.RequestAborted);
        Notice = "Site details saved. Readers see them now.";
        return RedirectToPage();
    }
}
