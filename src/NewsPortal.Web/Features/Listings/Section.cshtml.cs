using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsPortal.Core.Articles;
using NewsPortal.Web.Platform.Caching;

namespace NewsPortal.Web.Features.Listings;

public sealed class SectionModel(ArticleQueries queries) : ListingPageModel
{
    /// <summary>The story an editor chose to lead the section, shown above the first page.</summary>
    public ArticleCard? Lead { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "page")] string? page)
    {
        var shown = await ShowAsync(slug, page, (s, n, ct) => queries.SectionAsync(s, n, ct: ct), CacheTags.Section);
        if (shown is PageResult && Listing.Page.Page == 1)
        {
            Lead = await queries.SectionLeadAsync(Listing.Id, HttpContext.RequestAborted);
            if (Lead is not null)
            {
                HttpContext.TagArticles([Lead.Id]);
            }
        }

        return shown;
    }
}
