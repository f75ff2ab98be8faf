using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using NewsPortal.Web.Platform.Site;
using NewsPortal.Web.Platform.Localization;

namespace NewsPortal.Web.Platform.Caching;

/// <summary>
/// What may be cached: anonymous GET/HEAD reader pages that answer 200 and hold nothing specific to
/// one reader. Never staff pages or signed-in staff, never a response that sets a cookie or carries an
/// antiforgery token (marked no-store by ASP.NET Core), keyed only by what changes the HTML.
/// </summary>
public sealed class ReaderPagesPolicy(IOptions<CachingOptions> options, IEnumerable<UncachedPath> uncached, SiteSettings site, TimeProvider clock) : IOutputCachePolicy
{
    /// <summary>The only query parameters a cached page varies by; every other one is ignored (and left out of the page).</summary>
    public static readonly string[] VaryQueryKeys = ["page", "q"];

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var request = http.Request;
        var cacheable = options.Value.Enabled
            && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && http.User.Identity?.IsAuthenticated != true
            && !request.Path.StartsWithSegments("/staff", StringComparison.OrdinalIgnoreCase)
            && !request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
            && !uncached.Any(u => u.Matches(request.Path))
            && !request.Headers.ContainsKey("Authorization");

        context.EnableOutputCaching = cacheable;
        context.AllowCacheLookup = cacheable;
        context.AllowLocking = true;
        var lifetime = Lifetime(TimeSpan.FromSeconds(options.Value.DurationSeconds));
        context.ResponseExpirationTimeSpan = lifetime > TimeSpan.Zero ? lifetime : TimeSpan.FromSeconds(1);
        context.AllowCacheStorage = cacheable && lifetime > TimeSpan.Zero;
        context.CacheVaryByRules.QueryKeys = VaryQueryKeys;
        // Absolute addresses on a page (canonical link, OpenGraph, feeds, sitemaps) come from the Host header when
        // Site:BaseUrl is not set: one copy per host, so a request with a forged Host only ever gets its own copy.
        context.CacheVaryByRules.VaryByHost = true;
        // One copy per language, and per language the browser would be offered instead (a visible link, never a redirect).
        context.CacheVaryByRules.VaryByValues["lang"] = ReaderLanguage.Of(http).Code;
        context.CacheVaryByRules.VaryByValues["suggest"] = LanguageSuggestion.For(http)?.Code ?? "";
        context.Tags.Add(CacheTags.AllReaderPages);

        if (cacheable)
        {
            // One validator per rendering, stored with the cached copy: every reader served that copy gets
            // the same ETag and a 304 for If-None-Match; a new rendering after an eviction gets a new one.
            // Browsers may keep the page but must revalidate, so an edit shows at once.
            http.Response.Headers.ETag = $"W/\"{Guid.NewGuid():N}\"";
            http.Response.Headers.CacheControl = "no-cache";
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// A page rendered with the breaking-news strip is kept no longer than the strip runs: it is on every page,
    /// and no save marks its end, so the cached copies must run out with it.
    /// </summary>
    private TimeSpan Lifetime(TimeSpan configured)
    {
        if (site.Strip is not { } strip)
        {
            return configured;
        }

        // In its last second a page is not stored at all (zero): it would outlive the strip.
        var left = strip.ExpiresAt - clock.GetUtcNow().UtcDateTime;
        return left >= configured ? configured : left > TimeSpan.FromSeconds(1) ? left : TimeSpan.Zero;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) =>
        ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK
            || !StringValues.IsNullOrEmpty(response.Headers.SetCookie)
            || response.Headers.CacheControl.Any(v => v != null && (v.Contains("no-store", StringComparison.OrdinalIgnoreCase) || v.Contains("private", StringComparison.OrdinalIgnoreCase))))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
