using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsPortal.Core.Articles;
using NewsPortal.Web.Platform.Caching;

namespace NewsPortal.Web.Features.Home;

public sealed class IndexModel(ArticleQueries queries) : PageModel
{
    public HomePage Home { get; private set; } = null!;

    /// <summary>The home page has one page: "?page=2" is not a second copy of it, but a 404.</summary>
    public async Task<IActionResult> OnGetAsync(string? page)
    {
        if (page is not null && Paging.Parse(page) != 1)
        {
            return NotFound();
        }

        Home = await queries.HomeAsync(HttpContext.RequestAborted);
        HttpContext.TagPage(CacheTags.Home);
        HttpContext.TagArticles(Home.AllCards().Select(c => c.Id));
        return Page();
    }
}
