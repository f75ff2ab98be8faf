using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;
using NewsPortal.Core.Articles;

namespace NewsPortal.Web.Features.Shared;

/// <summary>The section links under the masthead, read once a minute rather than on every page.</summary>
public sealed class SectionNavViewComponent(ArticleQueries queries, IMemoryCache cache) : ViewComponent
{
    private static readonly object CacheKey = new();

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var sections = await cache.GetOrCreateAsync(CacheKey, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            return queries.SectionsAsync(HttpContext.RequestAborted);
        });
        return View(sections);
    }
}
