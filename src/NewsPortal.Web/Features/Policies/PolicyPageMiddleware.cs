using Microsoft.AspNetCore.OutputCaching;
using NewsPortal.Core.Policies;
using NewsPortal.Web.Platform.Caching;
using NewsPortal.Web.Platform.Localization;
using NewsPortal.Web.Platform.MiddlewarePages;

namespace NewsPortal.Web.Features.Policies;

/// <summary>
/// Serves the policy pages (GET and HEAD /about, /contact, /privacy, /terms): the revision in force,
/// rendered with the site layout and its "last revised" date. Under /zh the page's Chinese version is shown when
/// it has one (the English revision stays the one in force), else the English text with a note that it is not
/// translated yet. Anything else goes on down the pipeline.
/// A cached copy is tagged with the page, so saving a revision evicts it; while a later revision is
/// scheduled the page is not stored at all, so the new text shows the moment it takes effect.
/// </summary>
public sealed class PolicyPageMiddleware(RequestDelegate next)
{
    private const string ViewPath = "/Features/Policies/PolicyPage.cshtml";

    public async Task InvokeAsync(HttpContext context)
    {
        if (KeyOf(context.Request.Path) is not { } key)
        {
            await next(context);
            return;
        }

        await MiddlewarePage.DispatchAsync(context, next, get: async context =>
        {
            // Resolved only here, not as an InvokeAsync parameter, so other pages do not borrow a database context.
            var policies = context.RequestServices.GetRequiredService<PolicyQueries>();
            var language = ReaderLanguage.Of(context);
            var translatedInto = language == ReaderLanguage.English ? null : language.Code;
            if (await policies.CurrentAsync(key, translatedInto, context.RequestAborted) is not { } page)
            {
                await next(context);
                return;
            }

            context.TagPage(CacheTags.Policies);
            if (page.NextRevisionAt is not null && context.Features.Get<IOutputCacheFeature>()?.Context is { } cache)
            {
                cache.AllowCacheStorage = false;
            }

            await MiddlewarePage.RenderAsync(context, ViewPath, page);
        });
    }

    private static string? KeyOf(PathString path)
    {
        foreach (var candidate in PolicyQueries.Keys)
        {
            if (MiddlewarePage.Matches(path, "/" + candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
