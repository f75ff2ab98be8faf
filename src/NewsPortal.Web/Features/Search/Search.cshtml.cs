using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Search;
using NewsPortal.Web.Platform.Caching;
using NewsPortal.Web.Platform.Localization;

namespace NewsPortal.Web.Features.Search;

public sealed class SearchModel(IArticleSearch search, IStringLocalizer<SharedText> text) : PageModel
{
    public SearchQuery Query { get; private set; } = SearchQuery.Parse(null);

    public SearchResults? Results { get; private set; }

    /// <summary>Why the search could not be run, in words for the reader (the page answers 400).</summary>
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "q")] string? q, [FromQuery(Name = "page")] string? page)
    {
        HttpContext.TagPage(CacheTags.Search);
        Query = SearchQuery.Parse(q);
        if (Query.IsTooLong)
        {
            return Refuse(text["That search is {0} characters long. Please search for at most {1} characters.", Query.Text.Length.ToString("N0", System.Globalization.CultureInfo.CurrentCulture), SearchQuery.MaxLength]);
        }

        if (Paging.Parse(page) is not { } number)
        {
            return Refuse(text["That page number is not one we can show. Please start from the first page of results."]);
        }

        if (!Query.HasTerms)
        {
            return Page();
        }

        Results = await search.SearchAsync(Query.Text, number, SearchLimits.PageSize, HttpContext.RequestAborted);
        return number > 1 && number > Results.TotalPages ? NotFound() : Page();
    }

    private PageResult Refuse(string problem)
    {
        Problem = problem;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
