using Microsoft.Extensions.Caching.Memory;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Data.Changes;
using NewsPortal.Web.Platform.Data;

namespace NewsPortal.Web.Platform.Site;

/// <summary>
/// Every section (the links under the masthead, and the names Chinese readers see), read once a minute rather than on every page, and read again at
/// once after a change whose reach is not worked out (a section created, renamed or hidden, here or elsewhere).
/// When the database cannot be read, the last list read is shown (or only "Home"), so every page, the error
/// page included, still renders during an outage.
/// </summary>
public sealed class SectionNavCache(IMemoryCache cache, IServiceScopeFactory scopes, ILogger<SectionNavCache> log) : IContentChangeObserver
{
    private static readonly object CacheKey = new();
    private List<Section> _lastRead = [];

    public async Task<List<Section>> GetAsync(CancellationToken ct)
    {
        try
        {
            return (await cache.GetOrCreateAsync(CacheKey, async entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
                await using var scope = scopes.CreateAsyncScope();
                var read = await scope.ServiceProvider.GetRequiredService<ArticleQueries>().SectionsAsync(ct);
                Volatile.Write(ref _lastRead, read);
                return read;
            }))!;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && (StorageFailures.IsStorageFailure(ex) || ex is InvalidOperationException))
        {
            log.LogWarning(ex, "The section menu could not be read; showing the last one read");
            return Volatile.Read(ref _lastRead);
        }
    }

    public Task ContentChangedAsync(ContentChange change, CancellationToken ct)
    {
        if (change.Everything)
        {
            cache.Remove(CacheKey);
        }

        return Task.CompletedTask;
    }
}
