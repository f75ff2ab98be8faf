using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsPortal.Core.Consent;

namespace NewsPortal.Web.Features.Consent;

public sealed class CookieSettingsModel(ConsentLedger ledger) : PageModel
{
    public ReaderConsent Consent { get; private set; } = ReaderConsent.NoChoice;

    /// <summary>When the reader's choice was recorded, if we hold a record of it.</summary>
    public DateTime? ChosenAt { get; private set; }

    public async Task OnGetAsync()
    {
        // What this page shows belongs to one reader.
        Response.Headers.CacheControl = "no-store";
        Consent = ReaderConsent.Of(HttpContext);
        if (Consent.Cookie is { } cookie)
        {
            ChosenAt = (await ledger.LatestAsync(cookie.ConsentId, HttpContext.RequestAborted))?.RecordedAt;
        }
    }
}
