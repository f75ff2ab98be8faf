using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using NewsPortal.Core.Consent;
using NewsPortal.Web.Platform.Data;
using NewsPortal.Web.Platform.MiddlewarePages;
using NewsPortal.Web.Platform.Site;

using NewsPortal.Web.Platform.Caching;

namespace NewsPortal.Web.Features.Consent;

/// <summary>
/// Cookie consent. On every request it reads the reader's consent cookie and works out the state
/// (none, accepted, rejected, or outdated when the Privacy Policy or Terms of Use have had a material
/// revision since the choice), and sets it as the <see cref="ReaderConsent"/> feature. ASP.NET Core's cookie
/// policy (ConsentSetup) consults that feature, so ITrackingConsentFeature.CanTrack is true only once the
/// reader has accepted, and cookies not marked essential are dropped until then.
///
/// It also answers POST /consent, the plain form in the banner and on /cookie-settings (choice=accept|reject,
/// returnUrl): it checks the form came from this site (Origin, else Referer; the form carries no antiforgery
/// token so that pages stay the same for every reader and can be cached), records the choice with the policy
/// versions it was given against, sets the cookie, and answers 303 back to the page, which must be a local path.
///
/// For caching: a page differs between readers only by the banner, so a cached page varies by
/// <see cref="StateKey"/>: "none", "accepted", "rejected" or "outdated" (<see cref="VaryByConsentPolicy"/>).
/// </summary>
public sealed class ConsentMiddleware(
    RequestDelegate next,
    ConsentVersionCache versions,
    IOptions<ConsentOptions> options,
    IOptions<SiteOptions> site,
    ILogger<ConsentMiddleware> log)
{
    public const string Path = "/consent";
    private static readonly FormLimits Limits = new(MaxBytes: 4096, MaxFields: 16, MaxKeyLength: 64);

    private readonly string? _publicAuthority = Uri.TryCreate(site.Value.BaseUrl, UriKind.Absolute, out var baseUrl) ? baseUrl.Authority : null;

    /// <summary>
    /// The reader's consent state as a short string, for varying cached pages:
    /// "none", "accepted", "rejected" or "outdated".
    /// </summary>
    public static string StateKey(HttpContext context) => ReaderConsent.Of(context).Key;

    /// <summary>The address of the page being shown, to come back to after a choice (the original address on an error page).</summary>
    public static string ReturnUrlFor(HttpContext context)
    {
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is { } reExecuted)
        {
            return reExecuted.OriginalPathBase + reExecuted.OriginalPath + reExecuted.OriginalQueryString;
        }

        // Only the query parameters a cached page varies by: the page is cached with this form in it, so any other
        // parameter (?utm_source=...) of the request that filled the cache would be handed to the next readers.
        var query = QueryString.Create(context.Request.Query
            .Where(p => ReaderPagesPolicy.VaryQueryKeys.Contains(p.Key, StringComparer.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v))));
        var url = context.Request.PathBase + context.Request.Path + query;
        return LocalUrl.IsLocal(url) ? url : "/";
    }

    public async Task InvokeAsync(HttpContext context)
    {
        if (HttpMethods.IsPost(context.Request.Method) && MiddlewarePage.Matches(context.Request.Path, Path))
        {
            // The recorder (and its database context) is needed only here, not on every page.
            await RecordChoiceAsync(context, context.RequestServices.GetRequiredService<ConsentRecorder>());
            return;
        }

        var cookie = ConsentCookie.Parse(context.Request.Cookies[options.Value.CookieName]);
        if (cookie is null)
        {
            context.Features.Set(ReaderConsent.NoChoice);
        }
        else
        {
            try
            {
                var current = await versions.GetAsync(context.RequestAborted);
                context.Features.Set(new ReaderConsent(cookie.StateAgainst(current), cookie, current));
            }
            catch (Exception ex) when (StorageFailures.IsStorageFailure(ex) || ex is InvalidOperationException)
            {
                // Started during a database outage: the choice cannot be checked, so the page is served as to a
                // reader who has not chosen (only necessary cookies), and the error page still renders.
                context.Features.Set(ReaderConsent.NoChoice);
            }
        }

        await next(context);
    }

    private async Task RecordChoiceAsync(HttpContext context, ConsentRecorder recorder)
    {
        var request = context.Request;
        if (!FromThisSite(request))
        {
            log.LogWarning("Cookie choice refused: the form was not sent from this site");
            await MiddlewarePage.RefuseAsync(context, StatusCodes.Status403Forbidden, new RefusalPage(
                "Choice not saved",
                "We could not confirm that this choice was made on our own pages, so it was not saved. Please make your choice on the Cookie settings page.",
                "/cookie-settings", "Go to Cookie settings"));
            return;
        }

        var form = await MiddlewarePage.ReadFormAsync(context, Limits, log);
        var choice = ConsentRecorder.Parse(form?["choice"].ToString());
        if (choice is null)
        {
            await MiddlewarePage.RefuseAsync(context, StatusCodes.Status400BadRequest, new RefusalPage(
                "Choice not saved",
                "We could not tell which choice you made. Please press \"I Agree\" or \"Reject\" on the Cookie settings page.",
                "/cookie-settings", "Go to Cookie settings"));
            return;
        }

        await recorder.RecordAsync(context, choice.Value);
        log.LogInformation("Cookie choice recorded: {Choice}", choice.Value);

        MiddlewarePage.SeeOther(context, LocalUrl.ForLocationHeader(ReturnTarget(form!["returnUrl"].ToString(), request)));
        context.Response.Headers.CacheControl = "no-store";
    }

    /// <summary>The page to go back to: the form's returnUrl if local, else the page the form was on, else the home page.</summary>
    private static string ReturnTarget(string returnUrl, HttpRequest request)
    {
        if (LocalUrl.IsLocal(returnUrl))
        {
            return returnUrl;
        }

        return Uri.TryCreate(request.Headers.Referer.ToString(), UriKind.Absolute, out var referer)
            && string.Equals(referer.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
            && LocalUrl.IsLocal(referer.PathAndQuery)
            ? referer.PathAndQuery
            : "/";
    }

    /// <summary>
    /// True when the browser says the form was on this site: the Origin header when it is sent (every current
    /// browser sends it with a POST), else the Referer. A request carrying neither is refused.
    /// </summary>
    private bool FromThisSite(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        var source = origin.Length > 0 ? origin : request.Headers.Referer.ToString();
        return Uri.TryCreate(source, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && (string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
                || string.Equals(uri.Authority, _publicAuthority, StringComparison.OrdinalIgnoreCase));
    }
}
