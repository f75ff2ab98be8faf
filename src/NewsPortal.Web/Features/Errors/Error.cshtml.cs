using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsPortal.Web.Platform.Data;

namespace NewsPortal.Web.Features.Errors;

/// <summary>
/// Shown by the exception handler in Production; no details of the failure reach the reader. A failure of the
/// database or the disk is 503 with a time to try again (so that crawlers and proxies come back rather than
/// forget the page); anything else is 500. A failed POST is re-executed as a POST, which must not be turned into
/// a 400 by an antiforgery check.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public void OnGet()
    {
        if (HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error is { } error && StorageFailures.IsStorageFailure(error))
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = "60";
            return;
        }

        Response.StatusCode = StatusCodes.Status500InternalServerError;
    }

    public void OnPost() => OnGet();
}
