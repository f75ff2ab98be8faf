using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NewsPortal.Web.Features.Errors;

/// <summary>Shown by the exception handler in Production; no details of the failure reach the reader.</summary>
public sealed class ErrorModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status500InternalServerError;

    public void OnPost() => OnGet();
}
