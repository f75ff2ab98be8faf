using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsPortal.Core.Articles;
using NewsPortal.Web.Platform.Caching;

namespace NewsPortal.Web.Features.Listings;

public sealed class TagsModel(DirectoryQueries queries) : PageModel
{
    public IReadOnlyList<TagEntry> Tags { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Tags = await queries.TagsAsync(HttpContext.RequestAborted);
        HttpContext.TagPage(CacheTags.Directories);
    }
}
