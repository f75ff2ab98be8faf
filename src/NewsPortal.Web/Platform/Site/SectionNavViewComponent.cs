using Microsoft.AspNetCore.Mvc;

namespace NewsPortal.Web.Platform.Site;

/// <summary>The section links under the masthead (see <see cref="SectionNavCache"/>), hidden sections left out.</summary>
public sealed class SectionNavViewComponent(SectionNavCache sections) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View((await sections.GetAsync(HttpContext.RequestAborted)).Where(s => !s.IsHidden).ToList());
}
