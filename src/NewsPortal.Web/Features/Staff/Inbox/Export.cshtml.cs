using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsPortal.Core.Messages;
using NewsPortal.Core.Staff;
using NewsPortal.Web.Platform.Site;

namespace NewsPortal.Web.Features.Staff.Inbox;

/// <summary>The current tab and search as a CSV file that spreadsheet apps open safely (see <see cref="MessageCsv"/>).</summary>
public sealed class ExportModel(MessageInbox inbox, UserManager<StaffUser> users, SiteTime time, TimeProvider clock, ILogger<ExportModel> log) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? tab, string? q)
    {
        var chosen = InboxTabs.Parse(tab);
        var date = time.Local(clock.GetUtcNow().UtcDateTime).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"messages-{chosen.Name}-{date}.csv\"";
        Response.Headers.CacheControl = "no-store";

        await using var writer = new StreamWriter(Response.Body, MessageCsv.Encoding, bufferSize: 16 * 1024);
        var rows = inbox.ExportAsync(chosen, q, users.GetUserId(User), utc => time.Local(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        await MessageCsv.WriteAsync(writer, rows, HttpContext.RequestAborted);
        await writer.FlushAsync(HttpContext.RequestAborted);
        log.LogInformation("Staff exported the {Tab} messages", chosen.Name);
        return new EmptyResult();
    }
}
