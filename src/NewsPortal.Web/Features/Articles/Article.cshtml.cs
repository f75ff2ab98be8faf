using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Media.Library;
using NewsPortal.Web.Platform.Caching;

namespace NewsPortal.Web.Features.Articles;

public sealed class ArticleModel(ArticleQueries queries, ReaderData data, MediaLibraryQueries media) : PageModel
{
    public ArticleDetail Article { get; private set; } = null!;

    /// <summary>The library pictures and videos the body shows (read only when it shows any), for structured data.</summary>
    public IReadOnlyList<(MediaItem Item, MediaUse Use, string? Caption)> Media { get; private set; } = [];

    public bool HasGallery { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug) =>
        await data.GetOrReadAsync(HttpContext, $"article/{slug}", ct => queries.ArticleAsync(slug, ct), KeptSize) switch
        {
            ArticleLookup.Found found => await ShowAsync(found.Article),
            ArticleLookup.Moved moved => RedirectPermanent($"/article/{moved.Slug}"),
            ArticleLookup.Gone => StatusCode(StatusCodes.Status410Gone),
            _ => NotFound(),
        };

    /// <summary>An article found is kept in memory (its size: the body's kilobytes, and some for the rest); other answers are not.</summary>
    private static int? KeptSize(ArticleLookup lookup) =>
        lookup is ArticleLookup.Found found ? 4 + (found.Article.BodyHtml.Length / 512) : null;

    private async Task<PageResult> ShowAsync(ArticleDetail article)
    {
        Article = article;
        if (article.BodyHtml.Contains(" data-media=", StringComparison.Ordinal))
        {
            Media = await media.ForArticleAsync(article.Id, HttpContext.RequestAborted);
            HasGallery = article.BodyHtml.Contains(" data-gallery", StringComparison.Ordinal);
        }

        HttpContext.TagArticles(article.ShownArticleIds());
        return Page();
    }
}
