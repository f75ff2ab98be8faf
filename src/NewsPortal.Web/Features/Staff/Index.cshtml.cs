using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsPortal.Core.Articles.Editing;
using NewsPortal.Core.Staff;

namespace NewsPortal.Web.Features.Staff;

public sealed class IndexModel(NewsroomQueries newsroom) : PageModel
{
    /// <summary>Article counts, for staff who work on articles.</summary>
    public NewsroomCounts? Counts { get; private set; }

    public async Task OnGetAsync()
    {
        if (User.IsInRole(StaffRoles.Admin) || User.IsInRole(StaffRoles.Editor))
        {
            Counts = await newsroom.CountsAsync(HttpContext.RequestAborted);
        }
    }
}
