using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsPortal.Core.Activity;
using NewsPortal.Core.Articles;
using NewsPortal.Web.Platform.Site;

namespace NewsPortal.Web.Features.Staff.Activity;

/// <summary>The activity log, site-wide or for one article, filtered by person, action and dates (the site's days).</summary>
public sealed class IndexModel(ActivityLog activity, SiteTime time) : PageModel
{
    public const string DateFormat = "yyyy-MM-dd";

    [BindProperty(SupportsGet = true, Name = "person")]
    public string? Person { get; set; }

    [BindProperty(SupportsGet = true, Name = "action")]
    public string? ActionName { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "article")]
    public int? Article { get; set; }

    public ActivityPage Entries { get; private set; } = new([], 0, 1, ActivityLog.PageSize);

    public IReadOnlyList<(string Id, string Name)> People { get; private set; } = [];

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] string? page)
    {
        People = await activity.PeopleAsync(HttpContext.RequestAborted);
        if (Paging.Parse(page) is not { } number)
        {
            return Refuse("That page number is not one we can show.");
        }

        if (!string.IsNullOrEmpty(ActionName) && !ActivityActions.All.Contains(ActionName))
        {
            return Refuse("Choose an action from the list.");
        }

        if (!TryDay(From, out var from) || !TryDay(To, out var to))
        {
            return Refuse("Enter dates as year-month-day, for example 2026-11-30.");
        }

        var filter = new ActivityFilter(
            string.IsNullOrEmpty(Person) ? null : Person,
            string.IsNullOrEmpty(ActionName) ? null : ActionName,
            from is { } f ? time.ToUtc(f) : null,
            to is { } t ? time.ToUtc(t.AddDays(1)) : null,
            Article);
        Entries = await activity.FindAsync(filter, number, HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>This filter's address on page <paramref name="page"/>.</summary>
    public string PageUrl(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["person"] = Person, ["action"] = ActionName, ["from"] = From, ["to"] = To,
            ["article"] = Article?.ToString(CultureInfo.InvariantCulture), ["page"] = page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/staff/activity", query.Where(p => !string.IsNullOrEmpty(p.Value)));
    }

    private static bool TryDay(string? text, out DateTime? day)
    {
        day = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DateTime.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            day = parsed;
            return true;
        }

        return false;
    }

    private PageResult Refuse(string problem)
    {
        Problem = problem;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
