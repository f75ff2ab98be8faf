using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace NewsPortal.IntegrationTests.Mail;

/// <summary>One mail the test server accepted: the envelope and the message as it arrived.</summary>
public sealed record ReceivedMail(string From, IReadOnlyList<string> Recipients, string Raw)
{
    public MimeMessage Message => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(Raw)));
}

/// <summary>
/// A small real SMTP server on 127.0.0.1 (EHLO, AUTH PLAIN, MAIL, RCPT, DATA, RSET, NOOP, QUIT) that keeps what it
/// accepts, so tests read delivered mail back. It can be stopped and started again on the same port (a mail server
/// that is down and comes back), and it can hold a mail after its last line before answering, as a slow server
/// does; a mail whose sender is gone before the answer is not accepted (SMTP accepts a mail only with its 250).
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedMail> _received = new();
    private readonly ConcurrentQueue<string> _credentials = new();
    private TcpListener? _listener;
    private CancellationTokenSource _stop = new();
    private Task _accepting = Task.CompletedTask;
    private TaskCompletionSource _holdReached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _toHold;
    private int _disposed;

    public SmtpTestServer(int port = 0)
    {
        Port = port == 0 ? FreePort() : port;
    }

    public int Port { get; }

    public IReadOnlyList<ReceivedMail> Received => [.. _received];

    /// <summary>"user:password" of every AUTH PLAIN seen.</summary>
    public IReadOnlyList<string> Credentials => [.. _credentials];

    /// <summary>Mails whose sender was gone before the answer (never accepted).</summary>
    public int Abandoned => Volatile.Read(ref _abandoned);

    private int _abandoned;

    public static SmtpTestServer Started(int port = 0)
    {
        var server = new SmtpTestServer(port);
        server.Start();
        return server;
    }

    public void Start()
    {
        _stop = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _accepting = AcceptAsync(_listener, _stop.Token);
    }

    /// <summary>Stops listening and drops every open connection: the server is down.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        _listener?.Stop();
        await _accepting;
    }

    /// <summary>Holds the next <paramref name="count"/> mails after their last line, until <see cref="Release"/> or the sender is gone.</summary>
    public void HoldNext(int count = 1)
    {
        _holdReached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _toHold, count);
    }

    /// <summary>Completes when a mail is being held.</summary>
    public Task HoldReached => _holdReached.Task;

    public void Release() => _release.TrySetResult();

    /// <summary>Waits until <paramref name="condition"/> holds for what was received (polling), or fails after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForAsync(Func<IReadOnlyList<ReceivedMail>, bool> condition, TimeSpan timeout, Func<Task>? between = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition(Received))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The expected mail did not arrive in {timeout}; received {Received.Count}: {string.Join(" | ", Received.Select(m => m.Message.Subject))}");
            }

            if (between is not null)
            {
                await between();
            }

            await Task.Delay(100);
        }

        return Received;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        Release();
        await StopAsync();
        _stop.Dispose();
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken ct)
    {
        var sessions = new List<Task>();
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(ct);
                sessions.Add(Task.Run(() => SessionAsync(client, ct), CancellationToken.None));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        await Task.WhenAll(sessions);
    }

    private async Task SessionAsync(TcpClient client, CancellationToken ct)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, new UTF8Encoding(false), false, 4096, leaveOpen: true);
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 4096, leaveOpen: true) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 127.0.0.1 test SMTP server ready");
            string from = "";
            var recipients = new List<string>();
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteAsync("250-127.0.0.1\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250-AUTH PLAIN\r\n250 PIPELINING\r\n");
                        break;
                    case "HELO" or "NOOP":
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "AUTH":
                        var parts = line.Split(' ');
                        var plain = Encoding.UTF8.GetString(Convert.FromBase64String(parts.Length > 2 ? parts[2] : await ReadContinuationAsync(reader, writer, ct))).Split('\0');
                        _credentials.Enqueue($"{plain[1]}:{plain[2]}");
                        await writer.WriteLineAsync("235 2.7.0 Authentication successful");
                        break;
                    case "MAIL":
                        (from, recipients) = (Address(line), []);
                        await writer.WriteLineAsync("250 2.1.0 OK");
                        break;
                    case "RCPT":
                        var to = Address(line);
                        if (to.StartsWith("refused", StringComparison.OrdinalIgnoreCase))
                        {
                            await writer.WriteLineAsync("550 5.1.1 No such mailbox here");
                            break;
                        }

                        recipients.Add(to);
                        await writer.WriteLineAsync("250 2.1.5 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = await ReadDataAsync(reader, ct);
                        if (!await HeldAndStillThereAsync(client, ct))
                        {
                            Interlocked.Increment(ref _abandoned);
                            return;
                        }

                        _received.Enqueue(new ReceivedMail(from, recipients, data));
                        await writer.WriteLineAsync("250 2.0.0 Queued");
                        break;
                    case "RSET":
                        (from, recipients) = ("", []);
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 5.5.2 Command not recognised");
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The sender went away, or the server stopped.
        }
    }

    /// <summary>When a hold is asked for, waits for the release; true when the sender is still connected to get the answer.</summary>
    private async Task<bool> HeldAndStillThereAsync(TcpClient client, CancellationToken ct)
    {
        if (Interlocked.Decrement(ref _toHold) < 0)
        {
            Interlocked.Exchange(ref _toHold, 0);
            return true;
        }

        _holdReached.TrySetResult();
        while (!_release.Task.IsCompleted)
        {
            if (client.Client.Poll(100_000, SelectMode.SelectRead) && client.Client.Available == 0)
            {
                return false;
            }

            ct.ThrowIfCancellationRequested();
        }

        return !(client.Client.Poll(0, SelectMode.SelectRead) && client.Client.Available == 0);
    }

    private static async Task<string> ReadContinuationAsync(StreamReader reader, StreamWriter writer, CancellationToken ct)
    {
        await writer.WriteLineAsync("334 ");
        return await reader.ReadLineAsync(ct) ?? "";
    }

    private static async Task<string> ReadDataAsync(StreamReader reader, CancellationToken ct)
    {
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(ct) is { } line && line != ".")
        {
            data.Append(line.StartsWith("..", StringComparison.Ordinal) ? line[1..] : line).Append("\r\n");
        }

        return data.ToString();
    }

    private static string Address(string line)
    {
        var start = line.IndexOf('<', StringComparison.Ordinal);
        var end = line.IndexOf('>', StringComparison.Ordinal);
        return start >= 0 && end > start ? line[(start + 1)..end] : "";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
