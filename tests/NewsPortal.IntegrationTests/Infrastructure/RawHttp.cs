using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NewsPortal.IntegrationTests.Infrastructure;

/// <summary>One answer to a request sent byte for byte: the status, the headers (lower-case names) and the body.</summary>
public sealed record RawAnswer(int Status, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>
/// Sends a request exactly as written (an HttpClient would normalise its path) over a real socket, optionally from
/// another loopback address (127.0.0.N), so that per-address limits start afresh for each test.
/// </summary>
public static class RawHttp
{
    public static async Task<RawAnswer> SendAsync(string baseUrl, string method, string target, string? form = null,
        IPAddress? from = null, IEnumerable<(string Name, string Value)>? headers = null, string? contentType = null)
    {
        var server = new Uri(baseUrl);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        if (from is not null)
        {
            socket.Bind(new IPEndPoint(from, 0));
        }

        await socket.ConnectAsync(IPAddress.Loopback, server.Port);
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        var body = form is null ? [] : Encoding.ASCII.GetBytes(form);
        var request = new StringBuilder()
            .Append(method).Append(' ').Append(target).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(server.Authority).Append("\r\n")
            .Append("Connection: close\r\n");
        foreach (var (name, value) in headers ?? [])
        {
            request.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        if (form is not null)
        {
            request.Append("Content-Type: ").Append(contentType ?? "application/x-www-form-urlencoded").Append("\r\n")
                .Append("Content-Length: ").Append(body.Length).Append("\r\n");
        }
        else if (method is "POST" or "PUT" or "PATCH")
        {
            request.Append("Content-Length: 0\r\n");
        }

        request.Append("\r\n");
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request.ToString()));
        await stream.WriteAsync(body);

        using var answer = new MemoryStream();
        await stream.CopyToAsync(answer);
        var text = Encoding.UTF8.GetString(answer.ToArray());
        var headEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = (headEnd < 0 ? text : text[..headEnd]).Split("\r\n");
        var status = int.Parse(head[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in head.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                fields[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        return new RawAnswer(status, fields, headEnd < 0 ? "" : text[(headEnd + 4)..]);
    }
}
