using Microsoft.AspNetCore.Mvc;
using NewsPortal.Core.Articles;

namespace NewsPortal.Web.Features.Shared;

/// <summary>The section links under the masthead.</summary>
public sealed class SectionNavViewComponent(ArticleQueries queries) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() => View(await queries.SectionsAsync(HttpContext.RequestAborted));
}
