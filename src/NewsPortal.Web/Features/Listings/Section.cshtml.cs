using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsPortal.Core.Articles;
using NewsPortal.Web.Platform.Caching;

namespace NewsPortal.Web.Features.Listings;

public sealed class SectionModel(ArticleQueries queries, ReaderData data) : ListingPageModel(data)
{
    /// <summary>The story an editor chose to lead the section, shown above the first page.</summary>
    public ArticleCard? Lead { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "page")] string? page)
    {
        var shown = await ShowAsync("section", slug, page, (s, n, ct) => queries.SectionAsync(s, n, ct: ct), CacheTags.Section);
        if (shown is NotFoundResult && Slug.IsValid(slug) && await queries.SectionMovedToAsync(slug, HttpContext.RequestAborted) is { } current)
        {
            // A renamed section: its old address leads to the new one for good.
            return RedirectPermanent($"{Request.PathBase}/section/{current}{Request.QueryString}");
        }

        if (shown is PageResult && Listing.Page.Page == 1)
        {
            // Held in memory like the listing (none or one card), so a section without a lead is not read again either.
            var id = Listing.Id;
            var lead = await Data.GetOrReadAsync(
                HttpContext, $"section-lead/{id}", async ct => await queries.SectionLeadAsync(id, ct) is { } card ? new[] { card } : [], _ => 1);
            Lead = lead.FirstOrDefault();
            if (Lead is not null)
            {
                HttpContext.TagArticles([Lead.Id]);
            }
        }

        return shown;
    }
}
