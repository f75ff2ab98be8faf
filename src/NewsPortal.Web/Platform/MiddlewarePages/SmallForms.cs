using Microsoft.AspNetCore.Http.Features;

namespace NewsPortal.Web.Platform.MiddlewarePages;

/// <summary>Reads a small posted form in middleware, within limits set for that form.</summary>
public static class SmallForms
{
    /// <summary>
    /// The posted form, or null when the request is not a urlencoded or multipart form within
    /// <paramref name="maxBytes"/>, <paramref name="maxFields"/> fields and keys of <paramref name="maxKeyLength"/>.
    /// Why a form could not be read goes to <paramref name="log"/> when given: the framework's reason names a
    /// limit or a character class, never what was typed.
    /// </summary>
    public static async Task<IFormCollection?> ReadAsync(HttpContext context, int maxBytes, int maxFields, int maxKeyLength, ILogger? log = null)
    {
        var request = context.Request;
        if (!request.HasFormContentType || request.ContentLength > maxBytes)
        {
            return null;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = maxBytes;
        }

        context.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions
        {
            ValueCountLimit = maxFields,
            KeyLengthLimit = maxKeyLength,
            ValueLengthLimit = maxBytes,
            MultipartBodyLengthLimit = maxBytes,
        }));
        try
        {
            return await request.ReadFormAsync(context.RequestAborted);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
        {
            log?.LogWarning("A form could not be read: {Reason}", ex.Message);
            return null;
        }
    }
}
