using System.Text;
using NewsPortal.Web.Infrastructure;

namespace NewsPortal.Web.Features.Security;

/// <summary>
/// Refuses (400) a urlencoded form whose percent-encoded bytes are not UTF-8 ("name=%FF%FE"). ASP.NET Core keeps
/// such a sequence as the literal text "%FF%FE", so it would otherwise be stored as if the person had typed it.
/// The body is read once as it streams in (buffered for the form reader that follows), decoding %XX escapes into a
/// strict UTF-8 decoder; nothing else is changed.
/// </summary>
public sealed class InvalidUtf8FormMiddleware(RequestDelegate next, ILogger<InvalidUtf8FormMiddleware> log)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsPost(request.Method)
            && request.ContentType is { } type
            && type.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            request.EnableBuffering();
            bool valid;
            try
            {
                valid = await IsUtf8Async(request.Body, context.RequestAborted);
            }
            finally
            {
                request.Body.Position = 0;
            }

            if (!valid)
            {
                log.LogWarning("Form refused: percent-encoded bytes that are not UTF-8");
                await MiddlewareViews.RefuseAsync(context, StatusCodes.Status400BadRequest, new RefusalPage(
                    "Bad request", "We could not understand that request: the form held characters that are not valid text. Please go back, check what you typed and try again."));
                return;
            }
        }

        await next(context);
    }

    /// <summary>True when the body, with its %XX escapes decoded, is valid UTF-8.</summary>
    public static async Task<bool> IsUtf8Async(Stream body, CancellationToken ct)
    {
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        var input = new byte[16 * 1024];
        var bytes = new byte[input.Length];
        var chars = new char[input.Length + 4];
        var pending = new byte[2];
        var pendingCount = -1; // -1: not inside an escape; 0..2: hex digits read after '%'
        int read;
        try
        {
            while ((read = await body.ReadAsync(input, ct)) > 0)
            {
                var count = 0;
                for (var i = 0; i < read; i++)
                {
                    var b = input[i];
                    if (pendingCount >= 0)
                    {
                        pending[pendingCount++] = b;
                        if (pendingCount == 2)
                        {
                            pendingCount = -1;
                            if (IsHex(pending[0]) && IsHex(pending[1]))
                            {
                                bytes[count++] = (byte)((Hex(pending[0]) << 4) | Hex(pending[1]));
                            }
                            else
                            {
                                bytes[count++] = (byte)'%';
                                bytes[count++] = (byte)'_';
                            }
                        }
                    }
                    else if (b == '%')
                    {
                        pendingCount = 0;
                    }
                    else
                    {
                        bytes[count++] = b;
                    }

                    if (count >= bytes.Length - 2)
                    {
                        decoder.GetChars(bytes, 0, count, chars, 0, flush: false);
                        count = 0;
                    }
                }

                decoder.GetChars(bytes, 0, count, chars, 0, flush: false);
            }

            decoder.GetChars([], 0, 0, chars, 0, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static bool IsHex(byte b) => b is (>= (byte)'0' and <= (byte)'9') or (>= (byte)'a' and <= (byte)'f') or (>= (byte)'A' and <= (byte)'F');

    private static int Hex(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
}
