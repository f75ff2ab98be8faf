using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsPortal.Core.Policies;

namespace NewsPortal.Web.Features.Staff.Policies;

public sealed class IndexModel(PolicyQueries queries) : PageModel
{
    public IReadOnlyList<PolicySummary> Documents { get; private set; } = [];

    public async Task OnGetAsync() => Documents = await queries.DocumentsAsync(HttpContext.RequestAborted);
}
