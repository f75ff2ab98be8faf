using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace NewsPortal.IntegrationTests.ScaleOut;

/// <summary>
/// A real nginx (installed by scripts/services.sh) running the shipped deploy/nginx.conf in front of instances
/// of the portal, as docker-compose runs it. Only two things differ from the file: it listens on
/// 127.0.0.1 at a free port instead of port 80, and its upstream servers are the given instances instead
/// of Docker's "web" replicas (Debian's nginx predates the "resolve" parameter, which only the Docker name needs).
/// </summary>
public sealed partial class NginxProxy : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly string _folder;

    private NginxProxy(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public static string RepositoryRoot { get; } = FindRoot();

    public static string ShippedConfigPath => Path.Combine(RepositoryRoot, "deploy", "nginx.conf");

    public static string Program => File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";

    /// <summary>
    /// The shipped configuration with the listen port and the upstream servers substituted, and nothing else.
    /// Fails when the file no longer has exactly one of each to substitute.
    /// </summary>
    public static string LocalConfig(string shipped, int port, IEnumerable<string> upstreams)
    {
        Assert.Single(ListenPattern().Matches(shipped));
        Assert.Single(UpstreamServerPattern().Matches(shipped));
        var servers = string.Join("\n        ", upstreams.Select(u => $"server {u};"));
        var config = ListenPattern().Replace(shipped, $"listen 127.0.0.1:{port} default_server;");
        return UpstreamServerPattern().Replace(config, servers);
    }

    /// <summary>Starts nginx in the foreground in front of <paramref name="upstreams"/> (host:port) and waits until it answers.</summary>
    public static async Task<NginxProxy> StartAsync(IReadOnlyCollection<string> upstreams)
    {
        var folder = Path.Combine(Path.GetTempPath(), "newsportal-nginx", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var port = FreePort();
        var config = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(config, LocalConfig(await File.ReadAllTextAsync(ShippedConfigPath), port, upstreams));

        var info = new ProcessStartInfo(Program, $"-p {folder}/ -c {config} -e stderr -g \"daemon off;\"")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("nginx is not installed; scripts/test.sh installs it (see scripts/services.sh).", e);
        }

        var nginx = new NginxProxy(process, folder, port);
        process.OutputDataReceived += (_, e) => nginx.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => nginx.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await nginx.WaitUntilListeningAsync();
        return nginx;
    }

    /// <summary>A client of its own, like one browser: its own cookies, redirects not followed.</summary>
    public HttpClient Client(CookieContainer? cookies = null) =>
        new(new SocketsHttpHandler { UseCookies = true, CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(BaseUrl + "/"),
            Timeout = TimeSpan.FromSeconds(60),
        };

    /// <summary>What nginx wrote: its access log (one line per request) and its error log.</summary>
    public IReadOnlyList<string> Output => [.. _output];

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Removed with the temp folder later.
        }
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException($"nginx did not start on port {Port}:\n{string.Join('\n', _output)}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NewsPortal.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (NewsPortal.sln) was not found above the test binaries.");
    }

    [GeneratedRegex(@"listen\s+80\s+default_server;")]
    private static partial Regex ListenPattern();

    [GeneratedRegex(@"server\s+web:8080\s+resolve;")]
    private static partial Regex UpstreamServerPattern();
}
