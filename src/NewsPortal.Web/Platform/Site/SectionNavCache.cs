using Microsoft.Extensions.Caching.Memory;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Data.Changes;

namespace NewsPortal.Web.Platform.Site;

/// <summary>
/// The section links under the masthead, read once a minute rather than on every page, and read again at
/// once after a change whose reach is not worked out (a section created, renamed or hidden, here or elsewhere).
/// </summary>
public sealed class SectionNavCache(IMemoryCache cache, IServiceScopeFactory scopes) : IContentChangeObserver
{
    private static readonly object CacheKey = new();

    public Task<List<Section>> GetAsync(CancellationToken ct) =>
        cache.GetOrCreateAsync(CacheKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ArticleQueries>().SectionsAsync(ct);
        })!;

    public Task ContentChangedAsync(ContentChange change, CancellationToken ct)
    {
        if (change.Everything)
        {
            cache.Remove(CacheKey);
        }

        return Task.CompletedTask;
    }
}
