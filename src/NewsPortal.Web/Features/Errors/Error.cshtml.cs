using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NewsPortal.Web.Features.Errors;

/// <summary>
/// Shown by the exception handler in Production; no details of the failure reach the reader. A failed POST is
/// re-executed as a POST, which must not be turned into a 400 by an antiforgery check.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status500InternalServerError;

    public void OnPost() => OnGet();
}
