using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace NewsPortal.Web.Features.Staff;

/// <summary>
/// A staff session ends after eight hours without a request (the cookie's sliding expiry) and, however busy,
/// twelve hours after signing in: a cookie that is kept alive by use (or stolen and replayed) still expires.
/// The sign-in time travels in the cookie's protected properties and is checked on every request, before
/// Identity's own check of the account.
/// </summary>
public static class SessionLifetime
{
    public static readonly TimeSpan Absolute = TimeSpan.FromHours(12);

    private const string SignedInKey = ".np.signed-in";

    /// <summary>The properties of a new session, which remember when it began.</summary>
    public static AuthenticationProperties NewSession(DateTimeOffset now) =>
        new() { Items = { [SignedInKey] = now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture) } };

    public static void Apply(CookieAuthenticationOptions options)
    {
        var identityCheck = options.Events.OnValidatePrincipal;
        options.Events.OnValidatePrincipal = async context =>
        {
            var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            if (!context.Properties.Items.TryGetValue(SignedInKey, out var value)
                || !long.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
                || now - DateTimeOffset.FromUnixTimeSeconds(seconds) > Absolute)
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }

            await identityCheck(context);
        };
    }
}
