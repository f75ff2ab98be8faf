using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;

namespace NewsPortal.Core.Articles;

/// <summary>Read-side queries for reader pages: projections only, no tracking.</summary>
public sealed class ArticleQueries(NewsDbContext db, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public IQueryable<Article> Visible()
    {
        var now = Now;
        return db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now);
    }

    internal static readonly Expression<Func<Article, ArticleCard>> ToCard = a => new ArticleCard(
        a.Id,
        a.Headline,
        a.Slug,
        a.Standfirst,
        a.PublishedAt!.Value,
        a.Section!.Name,
        a.Section.Slug,
        a.CoverImage != null ? "/media/" + a.CoverImage.StorageName + "-640." + a.CoverImage.Extension : a.CoverImageUrl,
        a.CoverCaption,
        a.ReadingMinutes);

    private static IQueryable<Article> Newest(IQueryable<Article> q) =>
        q.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id);

    /// <summary>
    /// Keeps one connection open for the rest of the request's queries (it closes with the context).
    /// Opening a SQLite connection registers EF Core's functions on it each time, which costs more
    /// than the small queries a page runs, so a page with several queries opens it once.
    /// </summary>
    private Task HoldConnectionAsync(CancellationToken ct) => db.Database.OpenConnectionAsync(ct);

    public async Task<HomePage> HomeAsync(CancellationToken ct = default)
    {
        await HoldConnectionAsync(ct);
        var latest = await Newest(Visible()).Select(ToCard).Take(11).ToListAsync(ct);
        var sections = await db.Sections.AsNoTracking().OrderBy(s => s.SortOrder).ThenBy(s => s.Name).ToListAsync(ct);
        var blocks = new List<SectionBlock>(sections.Count);
        foreach (var section in sections)
        {
            var cards = await Newest(Visible().Where(a => a.SectionId == section.Id)).Select(ToCard).Take(4).ToListAsync(ct);
            if (cards.Count > 0)
            {
                blocks.Add(new SectionBlock(section, cards));
            }
        }

        var mostRead = await Visible().OrderByDescending(a => a.ViewCount).ThenByDescending(a => a.Id).Select(ToCard).Take(5).ToListAsync(ct);
        return new HomePage(latest.FirstOrDefault(), latest.Skip(1).ToList(), blocks, mostRead);
    }

    public async Task<IReadOnlyList<ArticleCard>> LatestAsync(int count, CancellationToken ct = default) =>
        await Newest(Visible()).Select(ToCard).Take(count).ToListAsync(ct);

    public async Task<Listing?> SectionAsync(string slug, int page, int pageSize = Paging.DefaultPageSize, CancellationToken ct = default)
    {
        await HoldConnectionAsync(ct);
        var section = await db.Sections.AsNoTracking().FirstOrDefaultAsync(s => s.Slug == slug, ct);
        if (section is null)
        {
            return null;
        }

        var items = await PageAsync(Visible().Where(a => a.SectionId == section.Id), page, pageSize, ct);
        return new Listing("Section", section.Name, section.Slug, section.Description, items);
    }

    public async Task<Listing?> TagAsync(string slug, int page, int pageSize = Paging.DefaultPageSize, CancellationToken ct = default)
    {
        await HoldConnectionAsync(ct);
        var tag = await db.Tags.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == slug, ct);
        if (tag is null)
        {
            return null;
        }

        var items = await PageAsync(Visible().Where(a => a.Tags.Any(t => t.Id == tag.Id)), page, pageSize, ct);
        return new Listing("Tag", tag.Name, tag.Slug, "", items);
    }

    public async Task<Listing?> AuthorAsync(string slug, int page, int pageSize = Paging.DefaultPageSize, CancellationToken ct = default)
    {
        await HoldConnectionAsync(ct);
        var author = await db.Authors.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == slug, ct);
        if (author is null)
        {
            return null;
        }

        var items = await PageAsync(Visible().Where(a => a.Authors.Any(t => t.Id == author.Id)), page, pageSize, ct);
        return new Listing("Author", author.Name, author.Slug, author.Bio, items);
    }

    private async Task<ArticlePage> PageAsync(IQueryable<Article> query, int page, int pageSize, CancellationToken ct)
    {
        // Step over earlier pages on the covering listing index (ids only), then load just this page's cards.
        var ids = await Newest(query).Skip((page - 1) * pageSize).Take(pageSize + 1).Select(a => a.Id).ToListAsync(ct);
        var pageIds = ids.Take(pageSize).ToList();
        var items = pageIds.Count == 0
            ? []
            : await Newest(db.Articles.AsNoTracking().Where(a => pageIds.Contains(a.Id))).Select(ToCard).ToListAsync(ct);
        return new ArticlePage(items, page, pageSize, ids.Count > pageSize);
    }

    public async Task<ArticleLookup> ArticleAsync(string slug, CancellationToken ct = default)
    {
        if (!Slug.IsValid(slug))
        {
            return new ArticleLookup.NotFound();
        }

        await HoldConnectionAsync(ct);
        var now = Now;
        var article = await db.Articles.AsNoTracking()
            .Where(a => a.Slug == slug)
            .Include(a => a.Section)
            .Include(a => a.CoverImage)
            .FirstOrDefaultAsync(ct);

        if (article is null)
        {
            var moved = await db.ArticleSlugs.AsNoTracking()
                .Where(s => s.Slug == slug)
                .Select(s => new { s.Article!.Slug, s.Article.Status, s.Article.PublishedAt })
                .FirstOrDefaultAsync(ct);
            if (moved is null)
            {
                return new ArticleLookup.NotFound();
            }

            return moved.Status == ArticleStatus.Published && moved.PublishedAt <= now
                ? new ArticleLookup.Moved(moved.Slug)
                : moved.Status == ArticleStatus.Unpublished ? new ArticleLookup.Gone() : new ArticleLookup.NotFound();
        }

        if (!article.IsVisibleAt(now))
        {
            return article.Status == ArticleStatus.Unpublished ? new ArticleLookup.Gone() : new ArticleLookup.NotFound();
        }

        // Tags, authors and corrections by the article's key: with the key known, SQLite flattens the join
        // and reads a handful of index entries (Include would repeat the slug lookup inside a subquery).
        var id = article.Id;
        var tags = await db.Articles.AsNoTracking().Where(a => a.Id == id).SelectMany(a => a.Tags)
            .OrderBy(t => t.Name).Select(t => new { t.Id, t.Name, t.Slug }).ToListAsync(ct);
        var authors = await db.Articles.AsNoTracking().Where(a => a.Id == id).SelectMany(a => a.Authors)
            .OrderBy(t => t.Name).Select(t => new NamedLink(t.Name, t.Slug)).ToListAsync(ct);
        var corrections = await db.ArticleCorrections.AsNoTracking().Where(c => c.ArticleId == id)
            .OrderBy(c => c.CreatedAt).ToListAsync(ct);
        var tagIds = tags.Select(t => t.Id).ToList();
        var related = await Newest(Visible().Where(a => a.Id != article.Id && a.Tags.Any(t => tagIds.Contains(t.Id))))
            .Select(ToCard).Take(4).ToListAsync(ct);
        if (related.Count < 4)
        {
            var have = related.Select(r => r.Id).Append(article.Id).ToList();
            related.AddRange(await Newest(Visible().Where(a => a.SectionId == article.SectionId && !have.Contains(a.Id)))
                .Select(ToCard).Take(4 - related.Count).ToListAsync(ct));
        }

        var published = article.PublishedAt!.Value;
        var inSection = Visible().Where(a => a.SectionId == article.SectionId);
        // The plain bound on PublishedAt lets the database start the index scan at this article (PostgreSQL
        // does not turn the OR alone into an index condition and would step over every newer article).
        var previous = await Newest(inSection.Where(a => a.PublishedAt <= published && (a.PublishedAt < published || a.Id < article.Id)))
            .Select(ToCard).FirstOrDefaultAsync(ct);
        var next = await inSection.Where(a => a.PublishedAt >= published && (a.PublishedAt > published || a.Id > article.Id))
            .OrderBy(a => a.PublishedAt).ThenBy(a => a.Id).Select(ToCard).FirstOrDefaultAsync(ct);

        var coverUrl = article.CoverImage is { } img ? $"/media/{img.StorageName}-640.{img.Extension}" : article.CoverImageUrl;
        return new ArticleLookup.Found(new ArticleDetail(
            article.Id,
            article.Headline,
            article.Slug,
            article.Standfirst,
            article.BodyHtml,
            published,
            article.UpdatedAt,
            article.Source,
            new NamedLink(article.Section!.Name, article.Section.Slug),
            coverUrl,
            article.CoverImage,
            article.CoverCaption,
            article.CoverCredit,
            article.ReadingMinutes,
            tags.Select(t => new NamedLink(t.Name, t.Slug)).ToList(),
            authors,
            corrections,
            related,
            previous,
            next));
    }

    public Task<List<Section>> SectionsAsync(CancellationToken ct = default) =>
        db.Sections.AsNoTracking().OrderBy(s => s.SortOrder).ThenBy(s => s.Name).ToListAsync(ct);
}
