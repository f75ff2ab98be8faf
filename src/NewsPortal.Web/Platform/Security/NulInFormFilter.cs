using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace NewsPortal.Web.Platform.Security;

/// <summary>
/// Refuses (400, with the site's "Bad request" page) a posted form that holds a NUL character in any value or
/// file name. ASP.NET Core already refuses one in a urlencoded form; this holds multipart forms to the same rule.
/// No browser sends one, no text the site keeps may hold one, and PostgreSQL refuses it outright, so it would
/// otherwise fail deep in an account lookup instead of here.
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

        return form.Any(field => field.Key.Contains('\0', StringComparison.Ordinal) || field.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true))
            || form.Files.Any(file => file.FileName.Contains('\0', StringComparison.Ordinal) || file.Name.Contains('\0', StringComparison.Ordinal));
    }
}
