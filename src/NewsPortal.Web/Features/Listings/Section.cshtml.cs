using Microsoft.AspNetCore.Mvc;
using NewsPortal.Core.Articles;
using NewsPortal.Web.Platform.Caching;

namespace NewsPortal.Web.Features.Listings;

public sealed class SectionModel(ArticleQueries queries, ReaderData data) : ListingPageModel(data)
{
    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "page")] string? page)
    {
        var shown = await ShowAsync("section", slug, page, (s, n, ct) => queries.SectionAsync(s, n, ct: ct), CacheTags.Section);
        if (shown is NotFoundResult && Slug.IsValid(slug) && await queries.SectionMovedToAsync(slug, HttpContext.RequestAborted) is { } current)
        {
            // A renamed section: its old address leads to the new one for good.
            return RedirectPermanent($"/section/{current}{Request.QueryString}");
        }

        return shown;
    }
}
