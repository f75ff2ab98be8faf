using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsPortal.Core.Articles.Authors;

namespace NewsPortal.Web.Features.Staff.Authors;

public sealed class IndexModel(AuthorEditor editor) : PageModel
{
    public IReadOnlyList<AuthorRow> Authors { get; private set; } = [];

    public async Task OnGetAsync() => Authors = await editor.ListAsync(HttpContext.RequestAborted);
}
