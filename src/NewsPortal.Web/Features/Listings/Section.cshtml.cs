using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsPortal.Core.Articles;
using NewsPortal.Web.Features.Caching;

namespace NewsPortal.Web.Features.Listings;

public sealed class SectionModel(ArticleQueries queries) : PageModel
{
    public Listing Listing { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "page")] string? page)
    {
        if (Paging.Parse(page) is not { } number || !Slug.IsValid(slug))
        {
            return NotFound();
        }

        var listing = await queries.SectionAsync(slug, number, ct: HttpContext.RequestAborted);
        if (listing is null || (number > 1 && listing.Page.Items.Count == 0))
        {
            return NotFound();
        }

        Listing = listing;
        HttpContext.TagPage(CacheTags.Section(listing.Slug));
        HttpContext.TagArticles(listing.Page.Items.Select(c => c.Id));
        return Page();
    }
}
