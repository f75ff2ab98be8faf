using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;

namespace NewsPortal.Core.Articles.Taxonomy;

/// <summary>A tag in the staff list, with how many articles (of any status) carry it.</summary>
public sealed record TagRow(int Id, string Name, string Slug, int ArticleCount);

/// <summary>Lists tags for staff and merges two tags into one.</summary>
public sealed class TagEditor(NewsDbContext db, TimeProvider clock)
{
    public Task<List<TagRow>> ListAsync(CancellationToken ct = default) =>
        db.Tags.AsNoTracking().OrderBy(t => t.Name)
            .Select(t => new TagRow(t.Id, t.Name, t.Slug, t.Articles.Count))
            .ToListAsync(ct);

    /// <summary>
    /// Moves every article from tag <paramref name="fromId"/> to tag <paramref name="intoId"/> and deletes the
    /// first; an article that carried both keeps one, and the first tag's address answers 301 to the second. Returns a message for staff: what was done, or why not.
    /// </summary>
    public async Task<(bool Merged, string Message)> MergeAsync(int fromId, int intoId, CancellationToken ct = default)
    {
        if (fromId == intoId)
        {
            return (false, "Choose two different tags to merge.");
        }

        var from = await db.Tags.FirstOrDefaultAsync(t => t.Id == fromId, ct);
        var into = await db.Tags.FirstOrDefaultAsync(t => t.Id == intoId, ct);
        if (from is null || into is null)
        {
            return (false, "One of the tags no longer exists; the list below is current.");
        }

        var articles = await db.Articles.Include(a => a.Tags).Where(a => a.Tags.Any(t => t.Id == fromId)).ToListAsync(ct);
        foreach (var article in articles)
        {
            article.Tags.RemoveAll(t => t.Id == fromId);
            if (!article.Tags.Any(t => t.Id == intoId))
            {
                article.Tags.Add(into);
            }
        }

        // The merged tag's addresses (its own and those it took over earlier) lead to the tag it went into.
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var earlier in await db.TagSlugs.Where(s => s.TagId == fromId).ToListAsync(ct))
        {
            earlier.TagId = intoId;
        }

        db.TagSlugs.Add(new TagSlug { Slug = from.Slug, TagId = intoId, RetiredAt = now });
        db.Tags.Remove(from);
        await db.SaveChangesAsync(ct);
        return (true, $"\"{from.Name}\" merged into \"{into.Name}\": {articles.Count} article{(articles.Count == 1 ? "" : "s")} moved.");
    }
}
