using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace NewsPortal.IntegrationTests.Operations;

/// <summary>
/// The portal as a process of its own, as it runs in production: <c>dotnet NewsPortal.Web.dll --urls
/// http://127.0.0.1:PORT</c> (the build beside the tests), over a SQLite file in <see cref="Folder"/>, so that a
/// test can kill it outright and start it again on the same file.
/// </summary>
public sealed partial class PortalProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private PortalProcess(Process process, string folder, int port)
    {
        _process = process;
        Folder = folder;
        BaseUrl = $"http://127.0.0.1:{port}";
    }

    public string Folder { get; }

    public string BaseUrl { get; }

    public string DatabasePath => DatabaseFile(Folder);

    public static string DatabaseFile(string folder) => Path.Combine(folder, "portal.db");

    /// <summary>Everything the process wrote to its console.</summary>
    public IReadOnlyList<string> Output => [.. _output];

    /// <summary>Console lines Serilog wrote at error or fatal level.</summary>
    public IReadOnlyList<string> Errors => [.. _output.Where(l => ErrorLine().IsMatch(l))];

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the portal on a free port over the database in <paramref name="folder"/> and waits until /health answers.</summary>
    public static async Task<PortalProcess> StartAsync(string folder, IReadOnlyDictionary<string, string> settings, TimeSpan timeout)
    {
        var port = FreePort();
        var info = StartInfo(folder, settings, $"--urls http://127.0.0.1:{port}");
        var portal = new PortalProcess(Process.Start(info)!, folder, port);
        portal._process.OutputDataReceived += (_, e) => portal.Keep(e.Data);
        portal._process.ErrorDataReceived += (_, e) => portal.Keep(e.Data);
        portal._process.BeginOutputReadLine();
        portal._process.BeginErrorReadLine();
        await portal.WaitUntilHealthyAsync(timeout);
        return portal;
    }

    /// <summary>
    /// Runs one of the portal's commands (<c>import FOLDER</c>, <c>content changed</c>…) as a process of its own,
    /// with the same settings as a portal started on <paramref name="folder"/>; returns its exit code and output.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(
        string folder, IReadOnlyDictionary<string, string> settings, string arguments, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = StartInfo(folder, settings, arguments);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        using var cancel = new CancellationTokenSource(timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(cancel.Token);
        var stderr = process.StandardError.ReadToEndAsync(cancel.Token);
        await process.WaitForExitAsync(cancel.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static ProcessStartInfo StartInfo(string folder, IReadOnlyDictionary<string, string> settings, string arguments)
    {
        var app = Path.Combine(AppContext.BaseDirectory, "NewsPortal.Web.dll");
        var info = new ProcessStartInfo("dotnet", $"\"{app}\" {arguments}")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Database__Provider"] = "Sqlite";
        info.Environment["Database__ConnectionString"] = $"Data Source={DatabaseFile(folder)}";
        info.Environment["Redis__Configuration"] = "";
        info.Environment["DataProtection__KeysFolder"] = Path.Combine(folder, "keys");
        info.Environment["Media__Folder"] = Path.Combine(folder, "media");
        info.Environment["Serilog__WriteTo__1__Args__path"] = Path.Combine(folder, "logs", "portal-.log");
        info.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return info;
    }

    /// <summary>A client of its own, like one browser: its own cookies and connections, redirects not followed.</summary>
    public HttpClient Client() =>
        new(new SocketsHttpHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(BaseUrl + "/"),
            Timeout = TimeSpan.FromSeconds(60),
        };

    /// <summary>Ends the process with SIGKILL: no shutdown, no flushing, nothing the portal can do about it.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    /// <summary>
    /// Leaves one message the way a reader does: fetches the form, takes its antiforgery token (its cookie stays
    /// in the client), posts, follows the answer to the thank-you page and returns the reference shown there.
    /// Null when the portal answered anything but the thank-you page (the caller counts that as an error).
    /// </summary>
    public static async Task<string?> LeaveMessageAsync(HttpClient client, string subject, CancellationToken ct)
    {
        var form = await client.GetStringAsync("message", ct);
        var token = TokenPattern().Match(form).Groups[1].Value;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["name"] = "Load Reader",
            ["email"] = "load.reader@example.org",
            ["subject"] = subject,
            ["message"] = "Sent while the portal is under test.\nPlease ignore.",
        });
        using var posted = await client.PostAsync("message", content, ct);
        if (posted.StatusCode != HttpStatusCode.SeeOther || posted.Headers.Location is not { } location)
        {
            return null;
        }

        using var thanks = await client.GetAsync(location.OriginalString.TrimStart('/'), ct);
        if (thanks.StatusCode != HttpStatusCode.OK)
        {
            return null;
        }

        var reference = ReferencePattern().Match(await thanks.Content.ReadAsStringAsync(ct));
        return reference.Success ? reference.Groups[1].Value : null;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                if ((await http.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The portal did not become healthy at {BaseUrl}:\n{string.Join('\n', _output.TakeLast(40))}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    /// <summary>The console sink's level mark at error or fatal, e.g. "[09:30:01 ERR]".</summary>
    [GeneratedRegex(@"^\[[0-9:. ]* ?(ERR|FTL)\]")]
    private static partial Regex ErrorLine();

    [GeneratedRegex("id=\"message-reference\">([^<]+)<")]
    private static partial Regex ReferencePattern();
}
