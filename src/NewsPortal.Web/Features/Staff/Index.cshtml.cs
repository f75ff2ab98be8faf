using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsPortal.Core.Articles.Editing;
using NewsPortal.Core.Site;
using NewsPortal.Core.Staff;

namespace NewsPortal.Web.Features.Staff;

public sealed class IndexModel(NewsroomQueries newsroom, SetupChecklist checklist) : PageModel
{
    /// <summary>What a new install still needs, for administrators, until all of it is done.</summary>
    public SetupProgress? Setup { get; private set; }

    /// <summary>Article counts, for staff who work on articles.</summary>
    public NewsroomCounts? Counts { get; private set; }

    public async Task OnGetAsync()
    {
        if (User.IsInRole(StaffRoles.Admin) || User.IsInRole(StaffRoles.Editor))
        {
            Counts = await newsroom.CountsAsync(HttpContext.RequestAborted);
        }

        if (User.IsInRole(StaffRoles.Admin) && await checklist.ReadAsync(HttpContext.RequestAborted) is { Done: false } progress)
        {
            Setup = progress;
        }
    }
}
