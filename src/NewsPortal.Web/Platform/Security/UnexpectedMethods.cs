using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Filters;
using NewsPortal.Web.Platform.MiddlewarePages;

namespace NewsPortal.Web.Platform.Security;

/// <summary>
/// A page answers GET and HEAD, and POST where it has a form; any other method (TRACE, PUT, DELETE, OPTIONS,
/// PROPFIND...) gets 405 with an Allow header and the site's refusal page, instead of running the page without
/// a handler (which failed with a server error). Runs after routing, only for Razor pages.
/// </summary>
public sealed class UnexpectedMethodsMiddleware(RequestDelegate next, ILogger<UnexpectedMethodsMiddleware> log)
{
    public const string Allowed = "GET, HEAD, POST";

    public async Task InvokeAsync(HttpContext context)
    {
        var method = context.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsPost(method)
            || context.GetEndpoint()?.Metadata.GetMetadata<ActionDescriptor>() is null
            || IsErrorPage(context))
        {
            await next(context);
            return;
        }

        log.LogInformation("Refused method {Method} on a page", method);
        await RefuseAsync(context, Allowed);
    }

    /// <summary>The error pages re-executed for another answer show whatever the method was.</summary>
    public static bool IsErrorPage(HttpContext context) =>
        context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerPathFeature>() is not null;

    public static Task RefuseAsync(HttpContext context, string allowed)
    {
        context.Response.Headers.Allow = allowed;
        return MiddlewarePage.RefuseAsync(context, StatusCodes.Status405MethodNotAllowed,
            new RefusalPage("Not allowed", "That kind of request is not accepted at this address. Open the page in a browser, or use the form on it."));
    }
}

/// <summary>
/// A POST to a page that has no form (no POST handler) is refused with 405, as other methods are, instead of
/// running the page without its handler.
/// </summary>
public sealed class NoHandlerPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (context.HandlerMethod is null && context.ActionDescriptor.HandlerMethods.Count > 0
            && !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)
            && !UnexpectedMethodsMiddleware.IsErrorPage(http))
        {
            var allowed = context.ActionDescriptor.HandlerMethods.Any(h => string.Equals(h.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase))
                ? UnexpectedMethodsMiddleware.Allowed
                : "GET, HEAD";
            http.Response.Headers.Allow = allowed;
            context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
            return Task.CompletedTask;
        }

        return next();
    }
}
