using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace NewsPortal.IntegrationTests.Faults;

/// <summary>
/// Servers a fault test may stop and start itself, so the suite's shared servers are never disturbed: the same
/// binaries scripts/services.sh uses, on 127.0.0.1 and a free port, with data in a folder of their own.
/// </summary>
public static class PrivateServers
{
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs a program to its end; throws with its output when it fails.</summary>
    public static async Task<string> RunAsync(string program, params string[] args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited with {process.ExitCode}: {await output}{await error}");
        }

        return await output;
    }

    /// <summary>Waits until something listens on the port (or, with <paramref name="listening"/> false, until nothing does).</summary>
    public static async Task WaitForPortAsync(int port, bool listening = true)
    {
        for (var i = 0; i < 200; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                if (listening)
                {
                    return;
                }
            }
            catch (SocketException)
            {
                if (!listening)
                {
                    return;
                }
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Port {port} did not become {(listening ? "open" : "closed")}");
    }
}

/// <summary>A redis-server of the test's own, which keeps its data across a stop and start (append-only file), as a production Redis does.</summary>
public sealed class PrivateRedis : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("newsportal-redis-").FullName;
    private Process? _process;

    public int Port { get; } = PrivateServers.FreePort();

    public string Configuration => $"127.0.0.1:{Port}";

    public async Task StartAsync()
    {
        var info = new ProcessStartInfo("redis-server") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--bind", "127.0.0.1", "--port", $"{Port}", "--save", "", "--appendonly", "yes", "--appendfsync", "always", "--dir", _folder })
        {
            info.ArgumentList.Add(arg);
        }

        _process = Process.Start(info)!;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await PrivateServers.WaitForPortAsync(Port);
    }

    /// <summary>Stops the server (SIGTERM, as a service manager does) and waits until its port is closed.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            await PrivateServers.RunAsync("kill", "-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await process.WaitForExitAsync();
        }

        await PrivateServers.WaitForPortAsync(Port, listening: false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>A PostgreSQL server of the test's own (initdb, pg_ctl), which the test may stop and start.</summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("newsportal-pg-").FullName;
    private readonly string _bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).OrderBy(d => d, StringComparer.Ordinal).Last();

    public int Port { get; } = PrivateServers.FreePort();

    public string ConnectionString(string database = "portal") =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Timeout=5;Command Timeout=30";

    private string Data => Path.Combine(_folder, "data");

    public async Task InitAndStartAsync()
    {
        if (Environment.UserName == "root")
        {
            await PrivateServers.RunAsync("chown", "postgres:postgres", _folder);
            await PrivateServers.RunAsync("chmod", "755", _folder);
        }

        await AsPostgresAsync("initdb", "-D", Data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8");
        await StartAsync();
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand("CREATE DATABASE portal", connection);
        await create.ExecuteNonQueryAsync();
    }

    public Task StartAsync() =>
        AsPostgresAsync("pg_ctl", "-D", Data, "-l", Path.Combine(_folder, "log"), "-w", "-o", $"-h 127.0.0.1 -p {Port} -k {_folder} -c fsync=off", "start");

    /// <summary>Stops the server at once (connections cut, as in a crash or a network loss).</summary>
    public async Task StopAsync()
    {
        await AsPostgresAsync("pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop");
        NpgsqlConnection.ClearAllPools();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        Directory.Delete(_folder, recursive: true);
    }

    private Task<string> AsPostgresAsync(string tool, params string[] args) =>
        Environment.UserName == "root"
            ? PrivateServers.RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. args])
            : PrivateServers.RunAsync(Path.Combine(_bin, tool), args);
}
