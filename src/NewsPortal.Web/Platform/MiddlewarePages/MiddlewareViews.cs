using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace NewsPortal.Web.Platform.MiddlewarePages;

/// <summary>
/// Renders a Razor view, with the site layout, from middleware that answers a request itself
/// (the policy pages, the message form, the consent form and the rate limiter's refusal).
/// </summary>
public static class MiddlewareViews
{
    /// <summary>
    /// Renders <paramref name="viewPath"/> (an app-relative path such as "/Features/Policies/PolicyPage.cshtml")
    /// with <paramref name="model"/> and the given status code. With <paramref name="headOnly"/> (a HEAD request)
    /// only the status and headers are sent.
    /// </summary>
    public static Task RenderAsync(HttpContext context, string viewPath, object model, int statusCode = StatusCodes.Status200OK, bool headOnly = false)
    {
        if (headOnly)
        {
            context.Response.StatusCode = statusCode;
            context.Response.ContentType = "text/html; charset=utf-8";
            return Task.CompletedTask;
        }

        // Naming the view as a page of its folder lets the layout, partials and view components be found
        // in /Features/Shared, just as they are for the Razor Pages.
        var page = viewPath.Replace("/Features", "", StringComparison.Ordinal).Replace(".cshtml", "", StringComparison.Ordinal);
        var routeData = new RouteData(context.GetRouteData());
        routeData.Values["page"] = page;
        var descriptor = new ActionDescriptor();
        descriptor.RouteValues["page"] = page;

        var services = context.RequestServices;
        var result = new ViewResult
        {
            ViewName = viewPath,
            StatusCode = statusCode,
            ViewData = new ViewDataDictionary(services.GetRequiredService<IModelMetadataProvider>(), new ModelStateDictionary()) { Model = model },
        };
        return services.GetRequiredService<IActionResultExecutor<ViewResult>>()
            .ExecuteAsync(new ActionContext(context, routeData, descriptor), result);
    }

    /// <summary>Answers with the refusal page (4xx) explaining what went wrong.</summary>
    public static Task RefuseAsync(HttpContext context, int statusCode, RefusalPage page) =>
        RenderAsync(context, "/Features/Errors/Refusal.cshtml", page, statusCode);
}

/// <summary>What a refusal page says: a title, an explanation a reader understands, and where to go next.</summary>
public sealed record RefusalPage(string Title, string Explanation, string LinkHref = "/", string LinkText = "Go to the home page");
