using Microsoft.AspNetCore.OutputCaching;
using NewsPortal.Core.Policies;
using NewsPortal.Web.Platform.Caching;
using NewsPortal.Web.Platform.MiddlewarePages;

namespace NewsPortal.Web.Features.Policies;

/// <summary>
/// Serves the policy pages (GET and HEAD /about, /contact, /privacy, /terms): the revision in force,
/// rendered with the site layout and its "last revised" date. Anything else goes on down the pipeline.
/// A cached copy is tagged with the page, so saving a revision evicts it; while a later revision is
/// scheduled the page is not stored at all, so the new text shows the moment it takes effect.
/// </summary>
public sealed class PolicyPageMiddleware(RequestDelegate next)
{
    private const string ViewPath = "/Features/Policies/PolicyPage.cshtml";

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && KeyOf(request.Path) is { } key)
        {
            // Resolved only here, not as an InvokeAsync parameter, so other pages do not borrow a database context.
            var policies = context.RequestServices.GetRequiredService<PolicyQueries>();
            var page = await policies.CurrentAsync(key, context.RequestAborted);
            if (page is not null)
            {
                context.TagPage(CacheTags.Policies);
                if (page.NextRevisionAt is not null && context.Features.Get<IOutputCacheFeature>()?.Context is { } cache)
                {
                    cache.AllowCacheStorage = false;
                }

                await MiddlewareViews.RenderAsync(context, ViewPath, page, headOnly: HttpMethods.IsHead(request.Method));
                return;
            }
        }

        await next(context);
    }

    private static string? KeyOf(PathString path)
    {
        var value = path.Value;
        if (value is null || value.Length < 2 || value.Length > 10)
        {
            return null;
        }

        var key = value.AsSpan(1).TrimEnd('/');
        foreach (var candidate in PolicyQueries.Keys)
        {
            if (key.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        return null;
    }
}
