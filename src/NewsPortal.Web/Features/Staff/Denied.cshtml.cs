using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NewsPortal.Web.Features.Staff;

public sealed class DeniedModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
