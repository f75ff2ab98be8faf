using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Web.Infrastructure;

namespace NewsPortal.Web.Features.Caching;

/// <summary>
/// Works out which cached reader pages an article change touches, before and after the change, and
/// evicts exactly those: the article, the listings it was and is in, home, feeds, sitemaps, search.
/// </summary>
public sealed class ArticleEviction(NewsDbContext db, ReaderCache cache)
{
    /// <summary>Where the article appears now; null when it does not exist.</summary>
    public Task<ArticleCacheScope?> FootprintAsync(int? articleId, CancellationToken ct = default) =>
        articleId is not { } id
            ? Task.FromResult<ArticleCacheScope?>(null)
            : db.Articles.AsNoTracking().Where(a => a.Id == id)
                .Select(a => new ArticleCacheScope(
                    a.Id,
                    new[] { a.Section!.Slug },
                    a.Tags.Select(t => t.Slug).ToList(),
                    a.Authors.Select(t => t.Slug).ToList()))
                .FirstOrDefaultAsync(ct);

    /// <summary>Evicts the pages of the article as it was (<paramref name="before"/>) and as it is now.</summary>
    public async Task ArticleChangedAsync(ArticleCacheScope? before, int articleId, CancellationToken ct = default)
    {
        ArticleCacheScope? after;
        try
        {
            after = await FootprintAsync(articleId, ct);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            // The change is committed, but where the article now appears cannot be read: evict every reader page.
            await cache.ArticleChangedAsync(CancellationToken.None);
            return;
        }

        var scope = new ArticleCacheScope(
            articleId,
            Union(before?.SectionSlugs, after?.SectionSlugs),
            Union(before?.TagSlugs, after?.TagSlugs),
            Union(before?.AuthorSlugs, after?.AuthorSlugs));
        await cache.ArticleChangedAsync(scope, ct);
    }

    private static List<string> Union(IReadOnlyCollection<string>? a, IReadOnlyCollection<string>? b) =>
        (a ?? []).Concat(b ?? []).Distinct(StringComparer.Ordinal).ToList();
}
