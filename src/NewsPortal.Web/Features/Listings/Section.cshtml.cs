using Microsoft.AspNetCore.Mvc;
using NewsPortal.Core.Articles;
using NewsPortal.Web.Platform.Caching;

namespace NewsPortal.Web.Features.Listings;

public sealed class SectionModel(ArticleQueries queries, ReaderData data) : ListingPageModel(data)
{
    public Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "page")] string? page) =>
        ShowAsync("section", slug, page, (s, n, ct) => queries.SectionAsync(s, n, ct: ct), CacheTags.Section);
}
