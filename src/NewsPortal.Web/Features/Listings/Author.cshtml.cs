using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsPortal.Core.Articles;
using NewsPortal.Web.Platform.Caching;

namespace NewsPortal.Web.Features.Listings;

public sealed class AuthorModel(ArticleQueries queries, ReaderData data, DirectoryQueries directory) : ListingPageModel(data)
{
    /// <summary>The author's photo and links, beside the bio the listing carries.</summary>
    public AuthorProfile? Profile { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "page")] string? page)
    {
        var shown = await ShowAsync("author", slug, page, (s, n, ct) => queries.AuthorAsync(s, n, ct: ct), CacheTags.Author);
        if (shown is PageResult)
        {
            Profile = await directory.AuthorProfileAsync(Listing.Id, HttpContext.RequestAborted);
        }

        return shown;
    }
}
