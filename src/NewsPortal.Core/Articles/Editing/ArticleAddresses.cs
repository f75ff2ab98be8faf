using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;

namespace NewsPortal.Core.Articles.Editing;

/// <summary>
/// An article's web address (slug): chosen from what was typed or made from the headline, unique among
/// current and former addresses, and the old one kept when it changes so old links answer 301 (or 410).
/// </summary>
internal sealed class ArticleAddresses(NewsDbContext db)
{
    /// <summary>The slug to store, or "" with the reason in <paramref name="errors"/>.</summary>
    public async Task<string> ChooseAsync(Article? article, string? typed, string headline, Dictionary<string, string> errors, CancellationToken ct)
    {
        var (chosen, generated) = SlugRules.Choose(typed, headline);
        if (chosen.Length == 0)
        {
            errors[ArticleField.Slug] = generated
                ? "The headline has no letters or digits that can go in a web address. Type a slug (for example: city-metro-line-opens)."
                : "A slug needs letters or digits, in any script (重庆 becomes chongqing).";
            return "";
        }

        var slug = generated && article?.Slug is not { Length: > 0 } ? await UniqueAsync(chosen, article?.Id, ct) : chosen;
        var currentOwner = await db.Articles.Where(a => a.Slug == slug).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
        var formerOwner = await db.ArticleSlugs.Where(s => s.Slug == slug).Select(s => (int?)s.ArticleId).FirstOrDefaultAsync(ct);
        if (SlugRules.Conflict(article?.Id, currentOwner, formerOwner) is { } conflict)
        {
            errors[ArticleField.Slug] = conflict;
        }

        return slug;
    }

    /// <summary>Keeps the old slug of an article readers have seen, so old links answer 301 (or 410 once withdrawn).</summary>
    public void Retire(Article article, string newSlug, DateTime now)
    {
        var reused = article.SlugHistory.FirstOrDefault(s => s.Slug == newSlug);
        if (reused is not null)
        {
            db.ArticleSlugs.Remove(reused);
        }

        var seenByReaders = article.Status is ArticleStatus.Published or ArticleStatus.Unpublished;
        if (article.Id != 0 && seenByReaders && article.Slug.Length > 0 && article.Slug != newSlug
            && article.SlugHistory.All(s => s.Slug != article.Slug))
        {
            article.SlugHistory.Add(new ArticleSlug { Slug = article.Slug, RetiredAt = now });
        }
    }

    private async Task<string> UniqueAsync(string slug, int? articleId, CancellationToken ct)
    {
        var taken = new HashSet<string>(await db.Articles.Where(a => a.Slug.StartsWith(slug) && a.Id != articleId).Select(a => a.Slug).ToListAsync(ct));
        taken.UnionWith(await db.ArticleSlugs.Where(s => s.Slug.StartsWith(slug) && s.ArticleId != articleId).Select(s => s.Slug).ToListAsync(ct));
        return SlugRules.MakeUnique(slug, taken.Contains);
    }
}
