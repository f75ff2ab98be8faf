using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NewsPortal.Web.Features.Staff;

public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
