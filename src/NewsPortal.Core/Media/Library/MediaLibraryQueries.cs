using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Data;

namespace NewsPortal.Core.Media.Library;

/// <summary>An article that uses a library item, and how (cover, body, gallery).</summary>
public sealed record MediaUsage(int ArticleId, string Headline, string Slug, ArticleStatus Status, string How);

/// <summary>A library item as the library's list shows it.</summary>
public sealed record LibraryRow(
    int Id, MediaKind Kind, string AltText, string? Caption, string? Credit, string OriginalFileName, DateTime CreatedAt,
    MediaImage? Image, double DurationSeconds, int Articles);

public sealed record LibraryPage(IReadOnlyList<LibraryRow> Items, int Page, bool HasMore);

/// <summary>Finding library items: by words (alt text, caption, credit, file name, number) and upload date, and where each is used.</summary>
public sealed class MediaLibraryQueries(NewsDbContext db)
{
    public const int PageSize = 24;

    /// <summary>Items uploaded from <paramref name="fromUtc"/> (inclusive) to <paramref name="toUtc"/> (exclusive), newest first.</summary>
    public async Task<LibraryPage> SearchAsync(string? words, DateTime? fromUtc, DateTime? toUtc, int page, CancellationToken ct = default)
    {
        var query = db.MediaItems.AsNoTracking();
        foreach (var word in (words ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(8))
        {
            var w = word.ToLowerInvariant();
            var number = int.TryParse(w.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL lower(); no culture applies there.
            query = query.Where(m => m.Id == number || m.AltText.ToLower().Contains(w) || (m.Caption ?? "").ToLower().Contains(w)
                || (m.Credit ?? "").ToLower().Contains(w) || m.OriginalFileName.ToLower().Contains(w));
#pragma warning restore CA1304, CA1311, CA1862
        }

        if (fromUtc is { } from)
        {
            query = query.Where(m => m.CreatedAt >= from);
        }

        if (toUtc is { } to)
        {
            query = query.Where(m => m.CreatedAt < to);
        }

        page = Math.Clamp(page, 1, 10_000);
        var rows = await query
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Skip((page - 1) * PageSize).Take(PageSize + 1)
            .Select(m => new LibraryRow(
                m.Id, m.Kind, m.AltText, m.Caption, m.Credit, m.OriginalFileName, m.CreatedAt, m.Image, m.DurationSeconds,
                db.Articles.Count(a => (m.Kind == MediaKind.Image && a.CoverImageId == m.ImageId)
                    || db.ArticleMedia.Any(u => u.ArticleId == a.Id && u.MediaItemId == m.Id))))
            .ToListAsync(ct);
        return new LibraryPage(rows.Take(PageSize).ToList(), page, rows.Count > PageSize);
    }

    public Task<MediaItem?> FindAsync(int id, CancellationToken ct = default) =>
        db.MediaItems.AsNoTracking().Include(m => m.Image).FirstOrDefaultAsync(m => m.Id == id, ct);

    /// <summary>The items with these numbers, with their pictures (for rendering an article body).</summary>
    public async Task<Dictionary<int, MediaItem>> FindManyAsync(IReadOnlyCollection<int> ids, CancellationToken ct = default) =>
        ids.Count == 0 ? [] : await db.MediaItems.AsNoTracking().Include(m => m.Image).Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);

    public async Task<IReadOnlyList<MediaUsage>> UsageAsync(int id, CancellationToken ct = default) =>
        await FindAsync(id, ct) is { } item ? await UsageAsync(item, ct) : [];

    /// <summary>Every article that uses the item, whatever its state (drafts included), with each way it uses it.</summary>
    public async Task<IReadOnlyList<MediaUsage>> UsageAsync(MediaItem item, CancellationToken ct = default)
    {
        var covers = item.Kind == MediaKind.Image && item.ImageId is { } imageId
            ? await db.Articles.AsNoTracking().Where(a => a.CoverImageId == imageId)
                .Select(a => new { a.Id, a.Headline, a.Slug, a.Status, Use = (MediaUse?)null }).ToListAsync(ct)
            : [];
        var inBody = await db.ArticleMedia.AsNoTracking().Where(u => u.MediaItemId == item.Id)
            .Select(u => new { u.Article!.Id, u.Article.Headline, u.Article.Slug, u.Article.Status, Use = (MediaUse?)u.Use }).ToListAsync(ct);
        return covers.Concat(inBody)
            .GroupBy(u => u.Id)
            .Select(g => new MediaUsage(g.Key, g.First().Headline, g.First().Slug, g.First().Status,
                string.Join(", ", g.Select(u => u.Use switch { null => "cover", MediaUse.Gallery => "gallery", _ => "body" }).Distinct())))
            .OrderBy(u => u.Headline, StringComparer.CurrentCulture)
            .ToList();
    }

    /// <summary>The library items an article shows in its body and galleries, in order (for structured data).</summary>
    public async Task<IReadOnlyList<(MediaItem Item, MediaUse Use, string? Caption)>> ForArticleAsync(int articleId, CancellationToken ct = default) =>
        (await db.ArticleMedia.AsNoTracking().Where(u => u.ArticleId == articleId).OrderBy(u => u.Position)
            .Select(u => new { u.Item, u.Use, u.Caption, u.Item!.Image }).ToListAsync(ct))
        .Select(u => { u.Item!.Image = u.Image; return (u.Item, u.Use, u.Caption); })
        .ToList();
}
