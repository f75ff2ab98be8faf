using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NewsPortal.Web.Features.Errors;

/// <summary>
/// The friendly page shown for 4xx and 5xx answers (re-executed by the status code pages middleware). A failed
/// POST is re-executed as a POST, so the page answers any method, and checks no antiforgery token: the request
/// it explains may have failed for want of one.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    /// <summary>What the page says, from the status of the answer (set by the handlers, or kept from the failed request).</summary>
    public string Title => Describe(Response.StatusCode).Title;

    public string Explanation => Describe(Response.StatusCode).Explanation;

    public void OnGet() => SetStatus();

    public void OnPost() => SetStatus();

    /// <summary>
    /// The status comes from the address (/error/404), read from the route rather than bound: binding would also
    /// read a re-executed POST's form, and a form that could not be read is often why the page is shown.
    /// Requested directly, this page is itself a 404.
    /// </summary>
    private void SetStatus()
    {
        var code = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
            && int.TryParse(RouteData.Values["code"]?.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : StatusCodes.Status404NotFound;
        Response.StatusCode = code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound;
    }

    private static (string Title, string Explanation) Describe(int status) => status switch
    {
        400 => ("Bad request", "We could not understand that request. Please check the address or the form and try again."),
        403 => ("Not allowed", "You do not have permission to see this page."),
        404 => ("Page not found", "We could not find that page. It may have moved, or the address may be mistyped."),
        405 => ("Not allowed", "That kind of request is not accepted here."),
        410 => ("No longer available", "This article has been withdrawn and is no longer available."),
        413 => ("Too large", "What you sent is larger than we accept."),
        415 => ("Unsupported content", "We could not read what you sent."),
        429 => ("Too many requests", "You have sent too many requests in a short time. Please wait a minute and try again."),
        >= 500 => ("Something went wrong", "Sorry, we could not show this page. Please try again in a moment."),
        _ => ("Something is not right", "We could not complete that request."),
    };
}
