using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;

namespace NewsPortal.Core.Articles.Editing;

/// <summary>One row of the staff article list.</summary>
public sealed record StaffArticleRow(
    int Id, string Headline, string Slug, ArticleStatus Status, DateTime? PublishedAt, DateTime UpdatedAt, string SectionName, bool Overdue);

/// <summary>Counts for the staff dashboard.</summary>
public sealed record NewsroomCounts(int Drafts, int Scheduled, int Overdue, int Published, int Unpublished);

/// <summary>The article as the edit form shows it.</summary>
public sealed record ArticleForEditing(
    int Id, ArticleInput Input, ArticleStatus Status, DateTime? PublishedAt, DateTime UpdatedAt, MediaImage? CoverImage,
    string? CoverImageUrl, IReadOnlyList<ArticleCorrection> Corrections, int RevisionCount);

/// <summary>A revision as the history page lists it.</summary>
public sealed record RevisionRow(int Number, DateTime CreatedAt, string EditedBy, string Headline);

/// <summary>Read-side queries for the staff newsroom pages.</summary>
public sealed class NewsroomQueries(NewsDbContext db, TimeProvider clock)
{
    public const int PageSize = 25;

    /// <summary>Status filters the list accepts besides a status name.</summary>
    public const string OverdueFilter = "overdue";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The longest headline search, in characters; longer ones are cut.</summary>
    public const int MaxSearch = 200;

    /// <summary>
    /// A headline search as it is run: cleaned as headlines are when stored (a control character, such as a NUL,
    /// which PostgreSQL refuses, finds nothing anyway) and cut to <see cref="MaxSearch"/>.
    /// </summary>
    public static string NormalizeSearch(string? search)
    {
        var term = Text.PlainText.SingleLine(search);
        return term.Length > MaxSearch ? term[..MaxSearch] : term;
    }

    /// <summary>
    /// The staff article list, newest change first; with <paramref name="ownerId"/>, only the articles that
    /// account wrote (a reporter's own list).
    /// </summary>
    public async Task<PagedList<StaffArticleRow>> ListAsync(string? filter, string? search, int page, string? ownerId = null, CancellationToken ct = default)
    {
        var now = Now;
        var query = db.Articles.AsNoTracking();
        if (ownerId is not null)
        {
            query = query.Where(a => db.ArticleReviews.Any(r => r.ArticleId == a.Id && r.OwnerId == ownerId));
        }

        if (string.Equals(filter, OverdueFilter, StringComparison.OrdinalIgnoreCase))
        {
            query = query.Where(a => a.Status == ArticleStatus.Scheduled && a.PublishedAt <= now);
        }
        else if (Enum.TryParse<ArticleStatus>(filter, ignoreCase: true, out var status) && Enum.IsDefined(status))
        {
            query = query.Where(a => a.Status == status);
        }

        search = NormalizeSearch(search);
        if (search.Length > 0)
        {
            var pattern = "%" + search.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            query = query.Where(a => EF.Functions.Like(a.Headline, pattern, "\\"));
        }

        var total = await query.CountAsync(ct);
        var items = await query
            .OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(a => new StaffArticleRow(
                a.Id, a.Headline, a.Slug, a.Status, a.PublishedAt, a.UpdatedAt, a.Section!.Name,
                a.Status == ArticleStatus.Scheduled && a.PublishedAt <= now))
            .ToListAsync(ct);
        return new PagedList<StaffArticleRow>(items, page, PageSize, total);
    }

    public async Task<NewsroomCounts> CountsAsync(CancellationToken ct = default)
    {
        var now = Now;
        var byStatus = await db.Articles.GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var overdue = await db.Articles.CountAsync(a => a.Status == ArticleStatus.Scheduled && a.PublishedAt <= now, ct);
        int Of(ArticleStatus s) => byStatus.FirstOrDefault(x => x.Key == s)?.Count ?? 0;
        return new NewsroomCounts(Of(ArticleStatus.Draft), Of(ArticleStatus.Scheduled), overdue, Of(ArticleStatus.Published), Of(ArticleStatus.Unpublished));
    }

    /// <summary>Scheduled articles later than <paramref name="grace"/> past their time.</summary>
    public Task<int> OverdueCountAsync(TimeSpan grace, CancellationToken ct = default)
    {
        var limit = Now - grace;
        return db.Articles.CountAsync(a => a.Status == ArticleStatus.Scheduled && a.PublishedAt < limit, ct);
    }

    public async Task<ArticleForEditing?> ForEditingAsync(int id, CancellationToken ct = default)
    {
        var a = await db.Articles.AsNoTracking()
            .Include(x => x.Tags)
            .Include(x => x.Authors)
            .Include(x => x.CoverImage)
            .Include(x => x.Corrections.OrderBy(c => c.CreatedAt))
            .AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null)
        {
            return null;
        }

        var revisions = await db.ArticleRevisions.CountAsync(r => r.ArticleId == id, ct);
        var input = new ArticleInput
        {
            Headline = a.Headline,
            Slug = a.Slug,
            Standfirst = a.Standfirst,
            SectionId = a.SectionId,
            Tags = ArticleNames.List(a.Tags.Select(t => t.Name)),
            Authors = ArticleNames.List(a.Authors.Select(t => t.Name)),
            Body = a.BodyMarkdown,
            Source = a.Source,
            Language = a.Language,
            Translation = a.TranslationId is { } translation ? await db.Articles.Where(t => t.Id == translation).Select(t => "/article/" + t.Slug).FirstOrDefaultAsync(ct) : null,
            CoverCaption = a.CoverCaption,
            CoverCredit = a.CoverCredit,
            Version = EditConflicts.VersionOf(a),
        };
        return new ArticleForEditing(a.Id, input, a.Status, a.PublishedAt, a.UpdatedAt, a.CoverImage, a.CoverImageUrl, a.Corrections, revisions);
    }

    public Task<List<Section>> SectionsAsync(CancellationToken ct = default) =>
        db.Sections.AsNoTracking().OrderBy(s => s.SortOrder).ThenBy(s => s.Name).ToListAsync(ct);

    public Task<List<RevisionRow>> RevisionsAsync(int articleId, CancellationToken ct = default) =>
        db.ArticleRevisions.AsNoTracking()
            .Where(r => r.ArticleId == articleId)
            .OrderByDescending(r => r.Number)
            .Select(r => new RevisionRow(r.Number, r.CreatedAt, r.EditedBy, r.Headline))
            .ToListAsync(ct);

    /// <summary>The line differences between two revisions of an article; null when either does not exist.</summary>
    public async Task<IReadOnlyList<DiffLine>?> DiffAsync(int articleId, int from, int to, CancellationToken ct = default)
    {
        var pair = await db.ArticleRevisions.AsNoTracking()
            .Where(r => r.ArticleId == articleId && (r.Number == from || r.Number == to))
            .ToListAsync(ct);
        var before = pair.FirstOrDefault(r => r.Number == from);
        var after = pair.FirstOrDefault(r => r.Number == to);
        if (before is null || after is null)
        {
            return null;
        }

        var sections = await db.Sections.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        return LineDiff.Compare(RevisionText.Of(before, sections), RevisionText.Of(after, sections));
    }
}

/// <summary>A revision written out as text, one field a line and then the body, for comparing two revisions.</summary>
public static class RevisionText
{
    public static string Of(ArticleRevision r, IReadOnlyDictionary<int, string> sectionNames) =>
        string.Join('\n',
            "Headline: " + r.Headline,
            "Slug: " + r.Slug,
            "Standfirst: " + r.Standfirst,
            "Section: " + (sectionNames.TryGetValue(r.SectionId, out var name) ? name : "(not recorded)"),
            "Tags: " + r.TagNames,
            "Authors: " + r.AuthorNames,
            "Source: " + r.Source,
            "Cover caption: " + r.CoverCaption,
            "Cover credit: " + r.CoverCredit,
            "",
            r.BodyMarkdown);
}
