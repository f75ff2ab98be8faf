using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsPortal.Core.Articles;
using NewsPortal.Web.Platform.Caching;

namespace NewsPortal.Web.Features.Home;

public sealed class IndexModel(ArticleQueries queries) : PageModel
{
    public HomePage Home { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        Home = await queries.HomeAsync(HttpContext.RequestAborted);
        HttpContext.TagPage(CacheTags.Home);
        HttpContext.TagArticles(Home.AllCards().Select(c => c.Id));
    }
}
