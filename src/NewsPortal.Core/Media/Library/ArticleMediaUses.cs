using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Data;

namespace NewsPortal.Core.Media.Library;

/// <summary>Keeps an article's <see cref="ArticleMedia"/> rows in step with what its body shows, on every save.</summary>
public static class ArticleMediaUses
{
    public static async Task ReplaceAsync(NewsDbContext db, Article article, IReadOnlyList<(int ItemId, MediaUse Use, string? Caption)> uses, CancellationToken ct)
    {
        var rows = article.Id == 0 ? [] : await db.ArticleMedia.Where(u => u.ArticleId == article.Id).OrderBy(u => u.Position).ToListAsync(ct);
        for (var i = 0; i < uses.Count; i++)
        {
            var (itemId, use, caption) = uses[i];
            caption = caption is { Length: > MediaLimits.Caption } ? caption[..MediaLimits.Caption] : caption;
            if (i < rows.Count)
            {
                (rows[i].MediaItemId, rows[i].Use, rows[i].Caption) = (itemId, use, caption);
            }
            else
            {
                db.ArticleMedia.Add(new ArticleMedia { Article = article, Position = i, MediaItemId = itemId, Use = use, Caption = caption });
            }
        }

        db.ArticleMedia.RemoveRange(rows.Skip(uses.Count));
    }
}
