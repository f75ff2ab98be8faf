using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using NewsPortal.Web.Platform.Forms;

namespace NewsPortal.Web.Platform.MiddlewarePages;

/// <summary>Limits for a small form that middleware reads: its size, field count and key length.</summary>
public sealed record FormLimits(int MaxBytes, int MaxFields, int MaxKeyLength);

/// <summary>What a refusal page says: a title, an explanation a reader understands (in the page's language), and where to go next.</summary>
public sealed record RefusalPage(string Title, NewsPortal.Core.Text.ReaderText Explanation, string LinkHref = "/", string LinkText = "Go to the home page");

/// <summary>
/// The one helper for pages that middleware answers itself (the policy pages, the message form, the consent
/// choice, the rate limiter's refusal), as the design keeps them out of the Razor Pages: which address a page
/// answers, dispatch by method, a size-limited form held to the same <see cref="FormRules"/> as Razor Pages,
/// the antiforgery check, a Razor view rendered with the site layout, and the 303 after a post.
/// </summary>
public static class MiddlewarePage
{
    /// <summary>True for <paramref name="route"/> itself and with a trailing slash, in any letter case (as routing matches).</summary>
    public static bool Matches(PathString path, string route) =>
        path.Value is { } value
        && value.AsSpan().TrimEnd('/').Equals(route.AsSpan().TrimEnd('/'), StringComparison.OrdinalIgnoreCase)
        && value.Length <= route.Length + 1;

    /// <summary>GET and HEAD go to <paramref name="get"/>, POST to <paramref name="post"/> (when given), anything else on down the pipeline.</summary>
    public static Task DispatchAsync(HttpContext context, RequestDelegate next, RequestDelegate get, RequestDelegate? post = null)
    {
        var method = context.Request.Method;
        return HttpMethods.IsGet(method) || HttpMethods.IsHead(method) ? get(context)
            : post is not null && HttpMethods.IsPost(method) ? post(context)
            : next(context);
    }

    /// <summary>
    /// The posted form, or null when it is not a urlencoded or multipart form within <paramref name="limits"/>, or
    /// breaks <see cref="FormRules"/>. The reason goes to <paramref name="log"/>: the framework's reason names a limit
    /// or a character class, never what was typed.
    /// </summary>
    public static async Task<IFormCollection?> ReadFormAsync(HttpContext context, FormLimits limits, ILogger log)
    {
        var request = context.Request;
        if (!request.HasFormContentType || request.ContentLength > limits.MaxBytes)
        {
            return null;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limits.MaxBytes;
        }

        context.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions
        {
            ValueCountLimit = limits.MaxFields,
            KeyLengthLimit = limits.MaxKeyLength,
            ValueLengthLimit = limits.MaxBytes,
            MultipartBodyLengthLimit = limits.MaxBytes,
        }));
        try
        {
            var form = await request.ReadFormAsync(context.RequestAborted);
            if (FormRules.HoldsNul(form))
            {
                log.LogWarning("A form was refused: a value holds a NUL character");
                return null;
            }

            return form;
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
        {
            log.LogWarning("A form could not be read: {Reason}", ex.Message);
            return null;
        }
    }

    /// <summary>True when the post carries a valid antiforgery token (its cookie and its form field agree).</summary>
    public static async Task<bool> AntiforgeryHoldsAsync(HttpContext context)
    {
        try
        {
            await context.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(context);
            return true;
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
    }

    /// <summary>
    /// Renders <paramref name="viewPath"/> (an app-relative path such as "/Features/Policies/PolicyPage.cshtml")
    /// with <paramref name="model"/> and the given status code; for HEAD only the status and headers are sent.
    /// </summary>
    public static Task RenderAsync(HttpContext context, string viewPath, object model, int statusCode = StatusCodes.Status200OK)
    {
        if (HttpMethods.IsHead(context.Request.Method))
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

    /// <summary>The answer to a post that worked: 303 to the page that shows its result (a local address).</summary>
    public static void SeeOther(HttpContext context, string location)
    {
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = location;
    }
}
