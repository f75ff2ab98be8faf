using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsPortal.Core.Messages;
using NewsPortal.Core.Statistics;
using NewsPortal.Web.Platform.Site;

namespace NewsPortal.Web.Features.Staff.Figures;

/// <summary>The dashboard's figures as a CSV file.</summary>
public sealed class ExportModel(NewsroomFigures figures, SiteTime time, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var snapshot = await figures.LoadAsync(time.Zone, now, HttpContext.RequestAborted);
        var csv = FiguresCsv.Write(snapshot, utc => time.Local(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        Response.Headers.ContentDisposition = $"attachment; filename=\"figures-{snapshot.Today.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.csv\"";
        return File(MessageCsv.Encoding.GetBytes(csv), "text/csv; charset=utf-8");
    }
}
