using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace NewsPortal.Web.Features.Messages;

/// <summary>
/// The time the message form was shown, signed (and encrypted) with the site's data-protection keys and carried
/// in a hidden field, so the time it took to fill in can be checked without any state on the server or a
/// third-party CAPTCHA. The key ring is shared through Redis, so any instance can read another's stamp.
/// </summary>
public sealed class FormStamp(IDataProtectionProvider protection, TimeProvider clock)
{
    public const string Field = "started";

    private readonly IDataProtector _protector = protection.CreateProtector("NewsPortal.Messages.FormStarted");

    public string Issue() => _protector.Protect(clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture));

    /// <summary>How long ago the stamp was issued; null when it is missing, forged or unreadable.</summary>
    public TimeSpan? Elapsed(string? stamp)
    {
        if (string.IsNullOrEmpty(stamp) || stamp.Length > 1024)
        {
            return null;
        }

        try
        {
            return long.TryParse(_protector.Unprotect(stamp), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                ? clock.GetUtcNow() - new DateTimeOffset(ticks, TimeSpan.Zero)
                : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
