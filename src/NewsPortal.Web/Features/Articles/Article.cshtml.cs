using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsPortal.Core.Articles;
using NewsPortal.Web.Platform.Caching;

namespace NewsPortal.Web.Features.Articles;

public sealed class ArticleModel(ArticleQueries queries) : PageModel
{
    public ArticleDetail Article { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug) =>
        await queries.ArticleAsync(slug, HttpContext.RequestAborted) switch
        {
            ArticleLookup.Found found => Show(found.Article),
            ArticleLookup.Moved moved => RedirectPermanent($"{Request.PathBase}/article/{moved.Slug}"),
            ArticleLookup.Gone => StatusCode(StatusCodes.Status410Gone),
            _ => NotFound(),
        };

    private PageResult Show(ArticleDetail article)
    {
        Article = article;
        HttpContext.TagArticles(article.ShownArticleIds());
        return Page();
    }
}
