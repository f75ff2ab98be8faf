using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;

namespace NewsPortal.Core.Articles;

/// <summary>An author in the /authors index: those with at least one published article.</summary>
public sealed record AuthorEntry(string Name, string Slug, string Bio, MediaImage? Photo, int Articles);

/// <summary>A tag in the /tags index, with how many published articles carry it.</summary>
public sealed record TagEntry(string Name, string Slug, int Articles);

/// <summary>What the author page shows beside the articles: the photo and the author's links.</summary>
public sealed record AuthorProfile(MediaImage? Photo, string Links);

/// <summary>The reader indexes of authors and tags, and author profiles. Only published articles count.</summary>
public sealed class DirectoryQueries(NewsDbContext db, TimeProvider clock)
{
    public Task<List<AuthorEntry>> AuthorsAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Authors.AsNoTracking()
            .Select(a => new { a.Name, a.Slug, a.Bio, a.Photo, Count = a.Articles.Count(x => x.Status == ArticleStatus.Published && x.PublishedAt <= now) })
            .Where(a => a.Count > 0)
            .OrderBy(a => a.Name)
            .Select(a => new AuthorEntry(a.Name, a.Slug, a.Bio, a.Photo, a.Count))
            .ToListAsync(ct);
    }

    public Task<List<TagEntry>> TagsAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Tags.AsNoTracking()
            .Select(t => new { t.Name, t.Slug, Count = t.Articles.Count(x => x.Status == ArticleStatus.Published && x.PublishedAt <= now) })
            .Where(t => t.Count > 0)
            .OrderByDescending(t => t.Count).ThenBy(t => t.Name)
            .Select(t => new TagEntry(t.Name, t.Slug, t.Count))
            .ToListAsync(ct);
    }

    public Task<AuthorProfile?> AuthorProfileAsync(int authorId, CancellationToken ct = default) =>
        db.Authors.AsNoTracking().Where(a => a.Id == authorId).Select(a => new AuthorProfile(a.Photo, a.Links)).FirstOrDefaultAsync(ct);
}
