using Microsoft.AspNetCore.OutputCaching;
using NewsPortal.Web.Features.Caching;

namespace NewsPortal.Web.Infrastructure;

/// <summary>What an article change touches: the article and the listings it is (or was) in.</summary>
public sealed record ArticleCacheScope(
    int ArticleId,
    IReadOnlyCollection<string> SectionSlugs,
    IReadOnlyCollection<string> TagSlugs,
    IReadOnlyCollection<string> AuthorSlugs);

/// <summary>
/// Evicts cached reader pages when content changes. Staff pages call it after the change is committed,
/// so the next reader request is rendered from the database. It never throws for a cache that cannot be
/// reached: the change is committed and the save must say so. A failed eviction is logged once, remembered,
/// and made good by evicting every reader page as soon as the cache answers again (at the next eviction).
/// </summary>
public sealed class ReaderCache(IOutputCacheStore store, ILogger<ReaderCache> log)
{
    private int _flushNeeded;

    /// <summary>Tag carried by every cached reader page.</summary>
    public const string AllPagesTag = CacheTags.AllReaderPages;

    /// <summary>
    /// Evicts the pages an article change touches: every page that shows the article (its own page, and
    /// listings, home and other articles that show it as a card or link), the listings it belongs to or
    /// belonged to (its order or membership may have changed), home, feeds, sitemaps and search.
    /// </summary>
    public async Task ArticleChangedAsync(ArticleCacheScope scope, CancellationToken ct = default)
    {
        var tags = new List<string> { CacheTags.Article(scope.ArticleId), CacheTags.Home, CacheTags.Feeds, CacheTags.Sitemaps, CacheTags.Search };
        tags.AddRange(scope.SectionSlugs.Select(CacheTags.Section));
        tags.AddRange(scope.TagSlugs.Select(CacheTags.Tag));
        tags.AddRange(scope.AuthorSlugs.Select(CacheTags.Author));
        await EvictAsync(tags.Distinct(StringComparer.Ordinal), ct);
    }

    /// <summary>Evicts every reader page: for changes whose reach is not worked out (bulk imports, section edits).</summary>
    public Task ArticleChangedAsync(CancellationToken ct = default) => EvictAsync([AllPagesTag], ct);

    /// <summary>
    /// A policy revision changes its own page and, when it is material, the consent banner on every page.
    /// </summary>
    public Task PolicyChangedAsync(string key, bool material, CancellationToken ct = default) =>
        EvictAsync([material ? AllPagesTag : CacheTags.Policy(key)], ct);

    /// <summary>True while an eviction is owed to the cache (it failed and has not been made good yet).</summary>
    public bool FlushNeeded => Volatile.Read(ref _flushNeeded) == 1;

    private async Task EvictAsync(IEnumerable<string> tags, CancellationToken ct)
    {
        // Evicted with no cancellation: once the change is committed, its eviction should happen even if the
        // editor's browser has gone away.
        try
        {
            if (Volatile.Read(ref _flushNeeded) == 1)
            {
                await store.EvictByTagAsync(AllPagesTag, CancellationToken.None);
                Interlocked.Exchange(ref _flushNeeded, 0);
                log.LogWarning("The reader page cache answers again; every cached reader page was evicted to make up for the eviction that failed");
                return;
            }

            foreach (var tag in tags)
            {
                await store.EvictByTagAsync(tag, CancellationToken.None);
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
}
