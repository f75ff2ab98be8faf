using Microsoft.AspNetCore.OutputCaching;

namespace NewsPortal.Web.Features.Consent;

/// <summary>
/// Keeps one cached copy of a page per consent state, since the banner is the one part of a reader page
/// that differs between readers. Added to the output cache's base policies; it only adds a vary value.
/// </summary>
public sealed class VaryByConsentPolicy : IOutputCachePolicy
{
    public const string VaryKey = "consent";

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        context.CacheVaryByRules.VaryByValues[VaryKey] = ConsentMiddleware.StateKey(context.HttpContext);
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
}
