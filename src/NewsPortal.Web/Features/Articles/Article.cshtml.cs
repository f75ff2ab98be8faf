using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Topics;
using NewsPortal.Web.Platform.Caching;

namespace NewsPortal.Web.Features.Articles;

public sealed class ArticleModel(ArticleQueries queries, ReaderData data, TopicQueries topics) : PageModel
{
    public ArticleDetail Article { get; private set; } = null!;

    /// <summary>The special topics the article is part of.</summary>
    public IReadOnlyList<NamedLink> Topics { get; private set; } = [];

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
        Topics = await topics.TopicsOfAsync(article.Id, HttpContext.RequestAborted);
        HttpContext.TagArticles(article.ShownArticleIds());
        return Page();
    }
}
