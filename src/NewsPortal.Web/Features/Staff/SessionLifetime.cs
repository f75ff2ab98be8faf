using System.Runtime.ExceptionServices;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using NewsPortal.Web.Platform.Data;

namespace NewsPortal.Web.Features.Staff;

/// <summary>
/// A staff session ends after eight hours without a request (the cookie's sliding expiry) and, however busy,
/// twelve hours after signing in: a cookie that is kept alive by use (or stolen and replayed) still expires.
/// The sign-in time travels in the cookie's protected properties and is checked on every request, before
/// Identity's own check of the account. When that check cannot reach the database the request fails (no one
/// is let in unchecked), and only the error page then shown for it goes on without the staff member.
/// </summary>
public static class SessionLifetime
{
    public static readonly TimeSpan Absolute = TimeSpan.FromHours(12);

    private const string SignedInKey = ".np.signed-in";
    private static readonly object UncheckedKey = new();

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

            try
            {
                await identityCheck(context);
            }
            catch (Exception ex) when (StorageFailures.IsStorageFailure(ex))
            {
                // Kept for UseUncheckedSessionFailures: the handler caches this answer for the whole request, so
                // the error page shown for the failure sees no staff member rather than the same exception.
                context.RejectPrincipal();
                context.HttpContext.Items[UncheckedKey] = ExceptionDispatchInfo.Capture(ex);
            }
        };
    }

    /// <summary>
    /// Fails a request whose session could not be checked because the database failed (no one is let in
    /// unchecked); the error page then shown for it goes on as for a reader.
    /// </summary>
    public static IApplicationBuilder UseUncheckedSessionFailures(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Items[UncheckedKey] is ExceptionDispatchInfo failure && context.Features.Get<IExceptionHandlerFeature>() is null)
        {
            failure.Throw();
        }

        await next(context);
    });
}
