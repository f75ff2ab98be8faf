using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;
using NewsPortal.Core.Articles;
using NewsPortal.Web.Infrastructure;

namespace NewsPortal.Web.Features.Shared;

/// <summary>
/// The section links under the masthead, read once a minute rather than on every page. When the database
/// cannot be read, the last list read is shown (or only "Home"), so every page, the error page included,
/// still renders during an outage.
/// </summary>
public sealed class SectionNavViewComponent(ArticleQueries queries, IMemoryCache cache, ILogger<SectionNavViewComponent> log) : ViewComponent
{
    private static readonly object CacheKey = new();
    private static List<Section> _lastKnown = [];

    public async Task<IViewComponentResult> InvokeAsync()
    {
        List<Section>? sections;
        try
        {
            sections = await cache.GetOrCreateAsync(CacheKey, async entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
                var read = await queries.SectionsAsync(HttpContext.RequestAborted);
                Volatile.Write(ref _lastKnown, read);
                return read;
            });
        }
        catch (Exception ex) when (StorageFailures.IsStorageFailure(ex) || ex is InvalidOperationException)
        {
            log.LogWarning(ex, "The section menu could not be read; showing the last one read");
            sections = Volatile.Read(ref _lastKnown);
        }

        return View(sections);
    }
}
