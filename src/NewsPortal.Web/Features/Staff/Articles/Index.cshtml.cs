using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Articles.Editing;
using NewsPortal.Core.Text;
using NewsPortal.Web.Platform.Security;

namespace NewsPortal.Web.Features.Staff.Articles;

public sealed class IndexModel(NewsroomQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    public PagedList<StaffArticleRow> Articles { get; private set; } = null!;

    /// <summary>Reporters see the articles they wrote, the only ones they may open.</summary>
    public bool OwnOnly => User.Actor().IsWriterOnly;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] string? page)
    {
        if (Paging.Parse(page) is not { } number)
        {
            return NotFound();
        }

        Search = NewsroomQueries.NormalizeSearch(Search); // shown back in the box as it was searched
        Articles = await queries.ListAsync(Status, Search, number, OwnOnly ? User.Actor().Id : null, HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>The list's address with this filter and search, on page <paramref name="page"/>.</summary>
    public string PageUrl(int page, string? status = null)
    {
        status ??= Status;
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(status))
        {
            parts.Add("status=" + Uri.EscapeDataString(status));
        }

        if (!string.IsNullOrEmpty(Search))
        {
            parts.Add("q=" + Uri.EscapeDataString(Search));
        }

        if (page > 1)
        {
            parts.Add("page=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return parts.Count == 0 ? "/staff/articles" : "/staff/articles?" + string.Join('&', parts);
    }
}
