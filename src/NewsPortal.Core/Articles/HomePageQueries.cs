using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;

namespace NewsPortal.Core.Articles;

/// <summary>
/// The home page's queries, compiled once (it runs one per section block). Like
/// <see cref="ArticlePageQueries"/>, one instance per application: a compiled query keeps the SQL of the
/// first database it runs on.
/// </summary>
public sealed class HomePageQueries
{
    public Func<NewsDbContext, DateTime, int, IAsyncEnumerable<ArticleCard>> Latest { get; } =
        EF.CompileAsyncQuery((NewsDbContext db, DateTime now, int count) =>
            db.Articles.AsNoTracking()
                .Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now)
                .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
                .Select(ArticleQueries.ToCard)
                .Take(count));

    public Func<NewsDbContext, DateTime, int, int, IAsyncEnumerable<ArticleCard>> LatestInSection { get; } =
        EF.CompileAsyncQuery((NewsDbContext db, DateTime now, int sectionId, int count) =>
            db.Articles.AsNoTracking()
                .Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now && a.SectionId == sectionId)
                .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
                .Select(ArticleQueries.ToCard)
                .Take(count));

    public Func<NewsDbContext, DateTime, int, IAsyncEnumerable<ArticleCard>> MostRead { get; } =
        EF.CompileAsyncQuery((NewsDbContext db, DateTime now, int count) =>
            db.Articles.AsNoTracking()
                .Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now)
                .OrderByDescending(a => a.ViewCount).ThenByDescending(a => a.Id)
                .Select(ArticleQueries.ToCard)
                .Take(count));

    public Func<NewsDbContext, IAsyncEnumerable<Section>> Sections { get; } =
        EF.CompileAsyncQuery((NewsDbContext db) =>
            db.Sections.AsNoTracking().Where(s => !s.IsHidden).OrderBy(s => s.SortOrder).ThenBy(s => s.Name).AsQueryable());
}
