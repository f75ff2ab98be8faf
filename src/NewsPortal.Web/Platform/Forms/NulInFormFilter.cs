using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace NewsPortal.Web.Platform.Forms;

/// <summary>
/// Refuses (400, with the site's "Bad request" page) a posted form that breaks <see cref="FormRules"/>, before a
/// Razor Page binds it: it would otherwise fail deep in an account lookup instead of here.
/// </summary>
public sealed class NulInFormFilter(ILogger<NulInFormFilter> log) : IAsyncResourceFilter
{
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var request = context.HttpContext.Request;

        // The error page re-executed for this refusal sees the same form: it must show, not refuse again.
        var reExecuted = context.HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null;
        if (!reExecuted && request.HasFormContentType && await HoldsNulAsync(request))
        {
            log.LogWarning("Form refused: a value holds a NUL character");
            context.Result = new BadRequestResult();
            return;
        }

        await next();
    }

    private static async Task<bool> HoldsNulAsync(HttpRequest request)
    {
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
        {
            // An unreadable form is refused where it is read (the antiforgery check or model binding).
            return false;
        }

        return FormRules.HoldsNul(form);
    }
}
