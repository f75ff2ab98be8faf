using Microsoft.AspNetCore.OutputCaching;

namespace NewsPortal.Web.Platform.Caching;

/// <summary>
/// Evicts cached reader pages by tag. Called after a change has been committed, so it never fails the
/// change: a store that cannot be reached is logged once, remembered, and made good by evicting every
/// reader page at the next eviction that reaches it (with Redis, the store itself also drops every page
/// when Redis returns), so nothing changed meanwhile is served stale afterwards.
/// </summary>
public sealed class ReaderCache(IOutputCacheStore store, ILogger<ReaderCache> log)
{
    /// <summary>Tag carried by every cached reader page.</summary>
    public const string AllPagesTag = CacheTags.AllReaderPages;

    private int _flushNeeded;

    /// <summary>True while an eviction is owed to the cache (it failed and has not been made good yet).</summary>
    public bool FlushNeeded => Volatile.Read(ref _flushNeeded) == 1;

    public async Task EvictAsync(IEnumerable<string> tags, CancellationToken ct = default)
    {
        try
        {
            if (FlushNeeded)
            {
                await store.EvictByTagAsync(AllPagesTag, ct);
                Interlocked.Exchange(ref _flushNeeded, 0);
                log.LogWarning("The reader page cache answers again; every cached reader page was evicted to make up for evictions that failed");
                return;
            }

            foreach (var tag in tags.Distinct(StringComparer.Ordinal))
            {
                await store.EvictByTagAsync(tag, ct);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            if (Interlocked.Exchange(ref _flushNeeded, 1) == 0)
            {
                log.LogError(ex, "Cached reader pages could not be evicted; the change is saved, and every cached page will be evicted when the cache answers again");
            }
        }
    }

    public Task EvictAllAsync(CancellationToken ct = default) => EvictAsync([AllPagesTag], ct);
}
