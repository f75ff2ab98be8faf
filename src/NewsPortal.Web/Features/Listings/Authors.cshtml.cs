using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsPortal.Core.Articles;
using NewsPortal.Web.Platform.Caching;

namespace NewsPortal.Web.Features.Listings;

public sealed class AuthorsModel(DirectoryQueries queries) : PageModel
{
    public IReadOnlyList<AuthorEntry> Authors { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Authors = await queries.AuthorsAsync(HttpContext.RequestAborted);
        HttpContext.TagPage(CacheTags.Directories);
    }
}
