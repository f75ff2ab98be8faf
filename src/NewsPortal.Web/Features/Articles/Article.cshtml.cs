using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Media.Library;
using NewsPortal.Core.Topics;
using NewsPortal.Web.Platform.Caching;

namespace NewsPortal.Web.Features.Articles;

public sealed class ArticleModel(ArticleQueries queries, ReaderData data, TopicQueries topics, MediaLibraryQueries media) : PageModel
{
    public ArticleDetail Article { get; private set; } = null!;

    /// <summary>The special topics the article is part of.</summary>
    public IReadOnlyList<NamedLink> Topics { get; private set; } = [];

    /// <summary>The library pictures and videos the body shows (read only when it shows any), for structured data.</summary>
    public IReadOnlyList<(MediaItem Item, MediaUse Use, string? Caption)> Media { get; private set; } = [];

    public bool HasGallery { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug) =>
        await data.GetOrReadAsync(HttpContext, $"article/{slug}", ct => queries.ArticleAsync(slug, ct), KeptSize) switch
        {
            ArticleLookup.Found found => await ShowAsync(found.Article),
            ArticleLookup.Moved moved => RedirectPermanent($"{Request.PathBase}/article/{moved.Slug}"),
            ArticleLookup.Gone => StatusCode(StatusCodes.Status410Gone),
            _ => NotFound(),
        };

    /// <summary>An article found is kept in memory (its size: the body's kilobytes, and some for the rest); other answers are not.</summary>
    private static int? KeptSize(ArticleLookup lookup) =>
        lookup is ArticleLookup.Found found ? 4 + (found.Article.BodyHtml.Length / 512) : null;

    private async Task<PageResult> ShowAsync(ArticleDetail article)
    {
        Article = article;
        // Held in memory with the article, and forgotten with it at any change.
        Topics = await data.GetOrReadAsync(HttpContext, $"article-topics/{article.Id}", ct => topics.TopicsOfAsync(article.Id, ct), t => 1 + t.Count);
        if (article.BodyHtml.Contains(" data-media=", StringComparison.Ordinal))
        {
            Media = await data.GetOrReadAsync(HttpContext, $"article-media/{article.Id}", ct => media.ForArticleAsync(article.Id, ct), m => 1 + m.Count);
            HasGallery = article.BodyHtml.Contains(" data-gallery", StringComparison.Ordinal);
        }

        HttpContext.TagArticles(article.ShownArticleIds());
        return Page();
    }
}
