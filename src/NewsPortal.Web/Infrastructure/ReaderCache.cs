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
/// so the next reader request is rendered from the database.
/// </summary>
public sealed class ReaderCache(IOutputCacheStore store)
{
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
        foreach (var tag in tags.Distinct(StringComparer.Ordinal))
        {
            await store.EvictByTagAsync(tag, ct);
        }
    }

    /// <summary>Evicts every reader page: for changes whose reach is not worked out (bulk imports, section edits).</summary>
    public async Task ArticleChangedAsync(CancellationToken ct = default) =>
        await store.EvictByTagAsync(AllPagesTag, ct);

    /// <summary>
    /// A policy revision changes its own page and, when it is material, the consent banner on every page.
    /// </summary>
    public async Task PolicyChangedAsync(string key, bool material, CancellationToken ct = default) =>
        await store.EvictByTagAsync(material ? AllPagesTag : CacheTags.Policy(key), ct);
}
