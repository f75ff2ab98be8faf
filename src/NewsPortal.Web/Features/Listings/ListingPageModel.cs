using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsPortal.Core.Articles;
using NewsPortal.Web.Platform.Caching;

namespace NewsPortal.Web.Features.Listings;

/// <summary>A section, tag or author listing: one page of it, 404 for a page past the end.</summary>
public abstract class ListingPageModel(ReaderData data) : PageModel
{
    public Listing Listing { get; private set; } = null!;

    /// <summary>What listing pages are rendered from, held in memory.</summary>
    protected ReaderData Data => data;

    /// <param name="kind">What is listed (section, tag, author): with the slug and page, the key of the data in memory.</param>
    /// <param name="load">Reads the listing by slug and page number; null when there is no such listing.</param>
    /// <param name="cacheTag">The cache tag of the listing, by its id.</param>
    protected async Task<IActionResult> ShowAsync(
        string kind, string slug, string? page, Func<string, int, CancellationToken, Task<Listing?>> load, Func<int, string> cacheTag)
    {
        if (Paging.Parse(page) is not { } number || !Slug.IsValid(slug))
        {
            return NotFound();
        }

        var listing = await data.GetOrReadAsync(
            HttpContext, $"{kind}/{slug}/{number}", ct => load(slug, number, ct), l => l is null ? null : 2 + l.Page.Items.Count);
        if (listing is null || (number > 1 && listing.Page.Items.Count == 0))
        {
            return NotFound();
        }

        Listing = listing;
        HttpContext.TagPage(cacheTag(listing.Id));
        HttpContext.TagArticles(listing.Page.Items.Select(c => c.Id));
        return Page();
    }
}
