using Microsoft.AspNetCore.Mvc;
using NewsPortal.Core.Statistics;
using NewsPortal.Web.Platform.Site;

namespace NewsPortal.Web.Features.Staff.Figures;

/// <summary>The dashboard's figures for editors and administrators: what readers read and searched, and what waits for staff.</summary>
public sealed class NewsroomFiguresViewComponent(NewsroomFigures figures, SiteTime time, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View(await figures.LoadAsync(time.Zone, clock.GetUtcNow().UtcDateTime, HttpContext.RequestAborted));
}
