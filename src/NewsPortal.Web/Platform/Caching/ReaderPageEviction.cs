using Microsoft.Extensions.Options;
using NewsPortal.Core.Data.Changes;
using NewsPortal.Web.Platform.ScaleOut;

namespace NewsPortal.Web.Platform.Caching;

/// <summary>
/// Evicts the cached reader pages a committed change touches: every page that shows a changed article
/// (they carry "article:{id}"), the listings it was and is in, home, feeds, sitemaps and search; the policy
/// pages, or every page when a material revision brings the consent banner back; every page when the reach
/// is not known. A change made by another process is evicted here only when this instance's cache is its
/// own (in memory): a shared cache (Redis) was already evicted by the process that made it.
/// </summary>
public sealed class ReaderPageEviction(ReaderCache cache, ReaderData data, IOptions<RedisOptions> redis) : IContentChangeObserver
{
    public Task ContentChangedAsync(ContentChange change, CancellationToken ct)
    {
        // The data pages are rendered from goes first: a page rendered after its eviction must be rendered from
        // what the change committed.
        data.Forget();
        if (change.FromElsewhere && redis.Value.Enabled)
        {
            // The shared cache was evicted by the process that made the change (and with Redis no instance holds
            // reader data in memory, see ReaderData).
            return Task.CompletedTask;
        }

        return change.Everything || change.MaterialPolicy ? cache.EvictAllAsync(ct) : cache.EvictAsync(TagsOf(change), ct);
    }

    /// <summary>The cache tags of the pages a change touches, short of every page.</summary>
    public static IEnumerable<string> TagsOf(ContentChange change)
    {
        if (change.Articles.Count > 0 || change.Sections.Count > 0 || change.Tags.Count > 0 || change.Authors.Count > 0 || change.Topics.Count > 0)
        {
            yield return CacheTags.Home;
            yield return CacheTags.Feeds;
            yield return CacheTags.Sitemaps;
            yield return CacheTags.Search;
            yield return CacheTags.Directories;
        }

        foreach (var id in change.Articles)
        {
            yield return CacheTags.Article(id);
        }

        foreach (var id in change.Sections)
        {
            yield return CacheTags.Section(id);
        }

        foreach (var id in change.Tags)
        {
            yield return CacheTags.Tag(id);
        }

        foreach (var id in change.Authors)
        {
            yield return CacheTags.Author(id);
        }

        foreach (var id in change.Topics)
        {
            yield return CacheTags.Topic(id);
        }

        if (change.Policies)
        {
            yield return CacheTags.Policies;
        }
    }
}
