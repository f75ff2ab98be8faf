namespace NewsPortal.Web.Platform.Security;

/// <summary>
/// Security headers on every response. Pages carry no inline script, so the Content-Security-Policy
/// allows scripts from this site only (JSON-LD blocks are data and are not executed); nothing may frame
/// the site; nothing is loaded from third parties. Every answer under /staff (redirects to sign-in and error
/// pages included, which never reach the page-level cache headers) is marked no-store for browsers and proxies.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    internal const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            var headers = http.Response.Headers;
            if (http.Request.Path.StartsWithSegments("/staff", StringComparison.OrdinalIgnoreCase))
            {
                headers.CacheControl = "no-store";
            }

            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
