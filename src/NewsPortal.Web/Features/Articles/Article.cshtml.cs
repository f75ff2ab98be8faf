using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsPortal.Core.Articles;
using NewsPortal.Web.Platform.Caching;

namespace NewsPortal.Web.Features.Articles;

public sealed class ArticleModel(ArticleQueries queries, ReaderData data) : PageModel
{
    public ArticleDetail Article { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug) =>
        await data.GetOrReadAsync(HttpContext, $"article/{slug}", ct => queries.ArticleAsync(slug, ct), KeptSize) switch
        {
            ArticleLookup.Found found => Show(found.Article),
            ArticleLookup.Moved moved => RedirectPermanent($"/article/{moved.Slug}"),
            ArticleLookup.Gone => StatusCode(StatusCodes.Status410Gone),
            _ => NotFound(),
        };

    /// <summary>An article found is kept in memory (its size: the body's kilobytes, and some for the rest); other answers are not.</summary>
    private static int? KeptSize(ArticleLookup lookup) =>
        lookup is ArticleLookup.Found found ? 4 + (found.Article.BodyHtml.Length / 512) : null;

    private PageResult Show(ArticleDetail article)
    {
        Article = article;
        HttpContext.TagArticles(article.ShownArticleIds());
        return Page();
    }
}
