using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;

namespace NewsPortal.Core.Articles.Editing;

/// <summary>
/// Links an article to the same story in another language, both ways: each names the other, and an article that
/// was linked before lets go of its old partner (which then stands alone).
/// </summary>
public sealed class ArticleTranslations(NewsDbContext db)
{
    /// <summary>
    /// The article <paramref name="typed"/> names (an address such as /article/slug or /zh/article/slug, a slug or a
    /// number); null with no error when nothing was typed; an error when it names no article or the wrong one.
    /// </summary>
    public async Task<(Article? Translation, string? Error)> FindAsync(string? typed, int selfId, string language, CancellationToken ct)
    {
        var key = (typed ?? "").Trim();
        if (key.Length == 0)
        {
            return (null, null);
        }

        var path = Uri.TryCreate(key, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" ? url.AbsolutePath : key;
        path = path.TrimEnd('/');
        var slug = path[(path.LastIndexOf('/') + 1)..];
        var target = int.TryParse(slug, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? await db.Articles.FirstOrDefaultAsync(a => a.Id == id, ct)
            : await db.Articles.FirstOrDefaultAsync(a => a.Slug == slug, ct);
        if (target is null)
        {
            return (null, $"There is no article at \"{Shorten(key)}\". Give the address or the number of the same story in the other language.");
        }

        if (target.Id == selfId)
        {
            return (null, "An article cannot be its own translation.");
        }

        return target.Language == language
            ? (null, $"\"{Shorten(target.Headline)}\" is in the same language as this article; its translation is in another.")
            : (target, null);
    }

    /// <summary>Makes <paramref name="article"/> and <paramref name="translation"/> (or none) name each other.</summary>
    public async Task LinkAsync(Article article, Article? translation, CancellationToken ct)
    {
        var before = article.TranslationId;
        if (before is { } old && old != translation?.Id && await db.Articles.FirstOrDefaultAsync(a => a.Id == old, ct) is { } oldPartner
            && oldPartner.TranslationId == article.Id)
        {
            oldPartner.TranslationId = null;
        }

        if (translation is null)
        {
            article.TranslationId = null;
            article.Translation = null;
            return;
        }

        if (translation.TranslationId is { } theirs && theirs != article.Id && await db.Articles.FirstOrDefaultAsync(a => a.Id == theirs, ct) is { } theirPartner)
        {
            theirPartner.TranslationId = null;
        }

        article.Translation = translation;
        translation.Translation = article;
    }

    private static string Shorten(string text) => text.Length > 80 ? text[..80] + "…" : text;
}
