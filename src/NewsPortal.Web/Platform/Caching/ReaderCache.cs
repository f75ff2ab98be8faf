using Microsoft.AspNetCore.OutputCaching;

namespace NewsPortal.Web.Platform.Caching;

/// <summary>
/// Evicts cached reader pages by tag. Called after a change has been committed, so it never fails the
/// change: a store that cannot be reached is logged, and the change stays saved.
/// </summary>
public sealed class ReaderCache(IOutputCacheStore store, ILogger<ReaderCache> log)
{
    /// <summary>Tag carried by every cached reader page.</summary>
    public const string AllPagesTag = CacheTags.AllReaderPages;

    public async Task EvictAsync(IEnumerable<string> tags, CancellationToken ct = default)
    {
        foreach (var tag in tags.Distinct(StringComparer.Ordinal))
        {
            try
            {
                await store.EvictByTagAsync(tag, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Could not evict cached pages tagged {Tag}", tag);
            }
        }
    }

    public Task EvictAllAsync(CancellationToken ct = default) => EvictAsync([AllPagesTag], ct);
}
