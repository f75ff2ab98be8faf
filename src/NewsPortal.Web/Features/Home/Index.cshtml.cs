using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsPortal.Core.Articles;
using NewsPortal.Web.Platform.Caching;

namespace NewsPortal.Web.Features.Home;

public sealed class IndexModel(ArticleQueries queries, ReaderData data) : PageModel
{
    public HomePage Home { get; private set; } = null!;

    /// <summary>The home page has one page: "?page=2" is not a second copy of it, but a 404.</summary>
    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] string? page)
    {
        if (page is not null && Paging.Parse(page) != 1)
        {
            return NotFound();
        }

        Home = await data.GetOrReadAsync(HttpContext, "home", queries.HomeAsync, _ => 16);
        HttpContext.TagPage(CacheTags.Home);
        HttpContext.TagArticles(Home.AllCards().Select(c => c.Id));
        return Page();
    }
}
