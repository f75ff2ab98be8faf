using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;

namespace NewsPortal.Core.Articles;

/// <summary>
/// The article page's queries, compiled once. The article page is the most read page and runs several small
/// queries; a profile of it uncached showed EF Core spending more time turning each LINQ query into its
/// cache key than SQLite spent running it, which compiled queries skip.
/// <para>
/// A compiled query keeps the SQL of the first database it runs on, so the queries belong to one instance
/// per application (a singleton), never to the process: one process may host applications on different
/// databases (the tests do).
/// </para>
/// </summary>
public sealed class ArticlePageQueries
{
    public const int RelatedCount = 4;

    /// <summary>The article's own fields, with its section and cover image.</summary>
    /// <summary>The article's translation as stored; shown only while it is published.</summary>
    public sealed record TranslationRow(int Id, string Slug, string Headline, string Language, ArticleStatus Status, DateTime? PublishedAt);

    public sealed record ArticleRow(
        int Id,
        ArticleStatus Status,
        DateTime? PublishedAt,
        string Headline,
        string Slug,
        string Standfirst,
        string BodyHtml,
        DateTime UpdatedAt,
        string? Source,
        int SectionId,
        string SectionName,
        string SectionSlug,
        MediaImage? CoverImage,
        string? CoverImageUrl,
        string? CoverCaption,
        string? CoverCredit,
        int ReadingMinutes,
        bool HasCorrections,
        string Language,
        TranslationRow? Translation = null);

    public Func<NewsDbContext, string, CancellationToken, Task<ArticleRow?>> BySlug { get; } =
        EF.CompileAsyncQuery((NewsDbContext db, string slug, CancellationToken ct) =>
            db.Articles.AsNoTracking().Where(a => a.Slug == slug).Select(a => new ArticleRow(
                a.Id, a.Status, a.PublishedAt, a.Headline, a.Slug, a.Standfirst, a.BodyHtml, a.UpdatedAt, a.Source,
                a.SectionId, a.Section!.Name, a.Section.Slug,
                a.CoverImage, a.CoverImageUrl, a.CoverCaption, a.CoverCredit, a.ReadingMinutes,
                a.Corrections.Any(), a.Language,
                a.Translation == null ? null : new TranslationRow(a.Translation.Id, a.Translation.Slug, a.Translation.Headline, a.Translation.Language, a.Translation.Status, a.Translation.PublishedAt))).FirstOrDefault());

    /// <summary>A tag or author link of the article; <see cref="IsAuthor"/> tells which.</summary>
    public sealed class Byline
    {
        public bool IsAuthor { get; init; }
        public string Name { get; init; } = "";
        public string Slug { get; init; } = "";
    }

    /// <summary>
    /// The article's tags and authors in one statement, by the article's key: with the key known, SQLite
    /// flattens each join and reads a handful of index entries.
    /// </summary>
    public Func<NewsDbContext, int, IAsyncEnumerable<Byline>> TagsAndAuthors { get; } =
        EF.CompileAsyncQuery<NewsDbContext, int, Byline>((db, id) =>
            db.Articles.AsNoTracking().Where(a => a.Id == id).SelectMany(a => a.Tags).Select(t => new Byline { IsAuthor = false, Name = t.Name, Slug = t.Slug })
                .Concat(db.Articles.AsNoTracking().Where(a => a.Id == id).SelectMany(a => a.Authors).Select(t => new Byline { IsAuthor = true, Name = t.Name, Slug = t.Slug }))
                .OrderBy(b => b.IsAuthor).ThenBy(b => b.Name));

    /// <summary>Corrections, asked for only when the article has any.</summary>
    public Func<NewsDbContext, int, IAsyncEnumerable<ArticleCorrection>> Corrections { get; } =
        EF.CompileAsyncQuery<NewsDbContext, int, ArticleCorrection>((db, id) =>
            db.ArticleCorrections.AsNoTracking().Where(c => c.ArticleId == id).OrderBy(c => c.CreatedAt));

    /// <summary>
    /// The newest visible articles that share a tag with the article. The test reads the join table alone:
    /// through the navigations EF Core would also join Articles and Tags for every candidate.
    /// </summary>
    public Func<NewsDbContext, int, DateTime, IAsyncEnumerable<ArticleCard>> RelatedByTag { get; } =
        EF.CompileAsyncQuery((NewsDbContext db, int id, DateTime now) =>
            db.Articles.AsNoTracking()
                .Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now && a.Id != id
                    && db.Set<Dictionary<string, object>>("ArticleTags").Any(mine => EF.Property<int>(mine, "ArticlesId") == a.Id
                        && db.Set<Dictionary<string, object>>("ArticleTags").Any(theirs => EF.Property<int>(theirs, "ArticlesId") == id
                            && EF.Property<int>(theirs, "TagsId") == EF.Property<int>(mine, "TagsId"))))
                .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
                .Select(ArticleQueries.ToCard)
                .Take(RelatedCount));

    /// <summary>
    /// When fewer than <see cref="RelatedCount"/> share a tag: the newest others in the article's section,
    /// leaving out those already chosen (at most three; 0 for none).
    /// </summary>
    public Func<NewsDbContext, int, int, DateTime, int, int, int, int, IAsyncEnumerable<ArticleCard>> RelatedInSection { get; } =
        EF.CompileAsyncQuery((NewsDbContext db, int id, int sectionId, DateTime now, int count, int chosen1, int chosen2, int chosen3) =>
            db.Articles.AsNoTracking()
                .Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now && a.SectionId == sectionId
                    && a.Id != id && a.Id != chosen1 && a.Id != chosen2 && a.Id != chosen3)
                .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
                .Select(ArticleQueries.ToCard)
                .Take(count));

    /// <summary>
    /// The next older article in the section. The plain bound on PublishedAt lets the database start the
    /// index scan at this article (PostgreSQL does not turn the OR alone into an index condition). Older
    /// articles are visible whenever this one is, so there is no "published by now" bound: with two upper
    /// bounds on the column SQLite would start at the newest article and step down.
    /// </summary>
    public Func<NewsDbContext, int, int, DateTime, CancellationToken, Task<ArticleCard?>> Previous { get; } =
        EF.CompileAsyncQuery((NewsDbContext db, int id, int sectionId, DateTime published, CancellationToken ct) =>
            db.Articles.AsNoTracking()
                .Where(a => a.Status == ArticleStatus.Published && a.SectionId == sectionId
                    && a.PublishedAt <= published && (a.PublishedAt < published || a.Id < id))
                .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
                .Select(ArticleQueries.ToCard)
                .FirstOrDefault());

    /// <summary>The next newer article in the section that readers can see now.</summary>
    public Func<NewsDbContext, int, int, DateTime, DateTime, CancellationToken, Task<ArticleCard?>> Next { get; } =
        EF.CompileAsyncQuery((NewsDbContext db, int id, int sectionId, DateTime published, DateTime now, CancellationToken ct) =>
            db.Articles.AsNoTracking()
                .Where(a => a.Status == ArticleStatus.Published && a.SectionId == sectionId && a.PublishedAt <= now
                    && a.PublishedAt >= published && (a.PublishedAt > published || a.Id > id))
                .OrderBy(a => a.PublishedAt).ThenBy(a => a.Id)
                .Select(ArticleQueries.ToCard)
                .FirstOrDefault());
}
