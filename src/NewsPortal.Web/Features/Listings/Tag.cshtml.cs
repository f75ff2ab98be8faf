using Microsoft.AspNetCore.Mvc;
using NewsPortal.Core.Articles;
using NewsPortal.Web.Platform.Caching;

namespace NewsPortal.Web.Features.Listings;

public sealed class TagModel(ArticleQueries queries, ReaderData data) : ListingPageModel(data)
{
    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "page")] string? page)
    {
        var shown = await ShowAsync("tag", slug, page, (s, n, ct) => queries.TagAsync(s, n, ct: ct), CacheTags.Tag);
        if (shown is NotFoundResult && Slug.IsValid(slug) && await queries.TagMovedToAsync(slug, HttpContext.RequestAborted) is { } current)
        {
            // A tag merged into another: its address leads there for good.
            return RedirectPermanent($"{Request.PathBase}/tag/{current}{Request.QueryString}");
        }

        return shown;
    }
}
