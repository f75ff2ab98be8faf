using Microsoft.Extensions.Options;
using NewsPortal.Core.Consent;

namespace NewsPortal.Web.Features.Consent;

/// <summary>
/// Records a reader's cookie choice: in the ledger with the policy versions in force, in the consent cookie, and
/// as this request's <see cref="ReaderConsent"/> (so a page shown in the same answer no longer asks). Used by the
/// banner's own form (<see cref="ConsentMiddleware"/>) and by forms that carry the banner's buttons, such as the
/// message form, which must not lose what the reader typed.
/// </summary>
public sealed class ConsentRecorder(ConsentLedger ledger, ConsentVersionCache versions, IOptions<ConsentOptions> options, TimeProvider clock)
{
    public async Task RecordAsync(HttpContext context, ConsentChoice choice)
    {
        var previous = ConsentCookie.Parse(context.Request.Cookies[options.Value.CookieName]);
        var current = await versions.GetAsync(context.RequestAborted);
        var cookie = new ConsentCookie(previous?.ConsentId ?? Guid.NewGuid(), choice, current);
        await ledger.RecordAsync(cookie, context.RequestAborted);

        context.Response.Cookies.Append(options.Value.CookieName, cookie.Format(), new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Path = "/",
            IsEssential = true,
            Expires = clock.GetUtcNow().AddDays(options.Value.CookieDays),
        });
        context.Features.Set(new ReaderConsent(cookie.StateAgainst(current), cookie, current));
    }

    /// <summary>The choice a form's button names ("accept" or "reject"), or null.</summary>
    public static ConsentChoice? Parse(string? value) => value switch
    {
        "accept" => ConsentChoice.Accepted,
        "reject" => ConsentChoice.Rejected,
        _ => null,
    };
}
