using System.Text;

namespace NewsPortal.Web.Platform.Security;

/// <summary>
/// Refuses (400) a urlencoded form whose percent-encoded bytes are not UTF-8 ("name=%FF%FE"). ASP.NET Core keeps
/// such a sequence as the literal text "%FF%FE", so it would otherwise be stored as if the person had typed it.
/// The request body is checked as the form reader reads it (nothing is buffered or read twice): invalid bytes end
/// the read with <see cref="InvalidDataException"/>, which every form reader already answers with the "Bad request" page.
/// </summary>
public sealed class InvalidUtf8FormMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsPost(request.Method)
            && request.ContentType is { } type
            && type.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            request.Body = new Utf8FormStream(request.Body, context.RequestServices.GetRequiredService<ILogger<InvalidUtf8FormMiddleware>>());
        }

        return next(context);
    }
}

/// <summary>A read-only pass-through stream that decodes %XX escapes of a urlencoded body into a strict UTF-8 decoder.</summary>
public sealed class Utf8FormStream(Stream inner, ILogger log) : Stream
{
    private readonly Decoder _decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
    private readonly byte[] _escape = new byte[2];
    private readonly char[] _chars = new char[8];
    private int _escapeLength = -1; // -1: not inside an escape; 0..1: hex digits read after '%'

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Check(buffer.AsSpan(offset, inner.Read(buffer, offset, count)));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        return Check(buffer.Span[..read]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Check(ReadOnlySpan<byte> read)
    {
        try
        {
            if (read.Length == 0)
            {
                _decoder.GetChars([], _chars, flush: true);
                return 0;
            }

            foreach (var b in read)
            {
                if (_escapeLength >= 0)
                {
                    _escape[_escapeLength++] = b;
                    if (_escapeLength == 2)
                    {
                        _escapeLength = -1;
                        Decode(IsHex(_escape[0]) && IsHex(_escape[1]) ? (byte)((Hex(_escape[0]) << 4) | Hex(_escape[1])) : (byte)'_');
                    }
                }
                else if (b == '%')
                {
                    _escapeLength = 0;
                }
                else
                {
                    Decode(b);
                }
            }

            return read.Length;
        }
        catch (DecoderFallbackException)
        {
            log.LogWarning("Form refused: percent-encoded bytes that are not UTF-8");
            throw new InvalidDataException("The form holds percent-encoded bytes that are not UTF-8.");
        }
    }

    private void Decode(byte b) => _decoder.GetChars(new ReadOnlySpan<byte>(in b), _chars, flush: false);

    private static bool IsHex(byte b) => b is (>= (byte)'0' and <= (byte)'9') or (>= (byte)'a' and <= (byte)'f') or (>= (byte)'A' and <= (byte)'F');

    private static int Hex(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
}
