using System.Diagnostics;

namespace NewsPortal.IntegrationTests.Faults;

/// <summary>Runs the portal's build beside the tests as a command or a start-up, the way an operator does, and keeps what it printed.</summary>
public static class PortalCommand
{
    public sealed record Outcome(int ExitCode, string Output);

    public static async Task<Outcome> RunAsync(string workingFolder, IReadOnlyDictionary<string, string> settings, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "NewsPortal.Web.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Redis__Configuration"] = "";
        info.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        info.Environment["Serilog__WriteTo__1__Args__path"] = Path.Combine(workingFolder, "logs", "portal-.log");
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(patience.Token);
        return new Outcome(process.ExitCode, await output + await error);
    }

    /// <summary>Settings for a portal whose data lives in <paramref name="folder"/> as <see cref="Operations.PortalProcess"/> lays it out.</summary>
    public static Dictionary<string, string> In(string folder) => new()
    {
        ["Database:Provider"] = "Sqlite",
        ["Database:ConnectionString"] = $"Data Source={Operations.PortalProcess.DatabaseFile(folder)}",
        ["Media:Folder"] = Path.Combine(folder, "media"),
        ["DataProtection:KeysFolder"] = Path.Combine(folder, "keys"),
    };
}
