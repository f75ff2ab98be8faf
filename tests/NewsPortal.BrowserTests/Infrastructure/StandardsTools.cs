using System.Diagnostics;
using System.Text.Json;

namespace NewsPortal.BrowserTests.Infrastructure;

/// <summary>
/// The W3C Nu HTML Checker (npm vnu-jar, run with Debian's Java) and axe-core, both installed from
/// tests/tools/package-lock.json by `npm ci` (scripts/test.sh does it).
/// </summary>
public static class StandardsTools
{
    public static string ToolsFolder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "NewsPortal.sln")))
                {
                    return Path.Combine(dir.FullName, "tests", "tools", "node_modules");
                }
            }

            throw new InvalidOperationException("Repository root not found");
        }
    }

    public static string VnuJar => Existing(Path.Combine(ToolsFolder, "vnu-jar", "build", "dist", "vnu.jar"));

    public static string AxeScript => Existing(Path.Combine(ToolsFolder, "axe-core", "axe.min.js"));

    /// <summary>One message of the Nu checker: type is "error", "info" (subType "warning") or "non-document-error".</summary>
    public sealed record NuMessage(string File, string Type, string? SubType, int? Line, string Message, string? Extract);

    /// <summary>Checks the given HTML files in one run of the checker and returns every message.</summary>
    public static async Task<IReadOnlyList<NuMessage>> CheckHtmlAsync(IReadOnlyCollection<string> files)
    {
        var start = new ProcessStartInfo("java")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-jar", VnuJar, "--format", "json", "--stdout", "--exit-zero-always" }.Concat(files))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start java");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        var json = await output;
        Assert.True(process.ExitCode == 0 && json.Length > 0, $"The Nu checker failed (exit {process.ExitCode}): {await errors}");

        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("messages").EnumerateArray().Select(m => new NuMessage(
            Path.GetFileName(m.TryGetProperty("url", out var url) ? url.GetString() ?? "" : ""),
            m.GetProperty("type").GetString() ?? "",
            m.TryGetProperty("subType", out var sub) ? sub.GetString() : null,
            m.TryGetProperty("lastLine", out var line) ? line.GetInt32() : null,
            m.GetProperty("message").GetString() ?? "",
            m.TryGetProperty("extract", out var extract) ? extract.GetString() : null)).ToList();
    }

    private static string Existing(string path) =>
        File.Exists(path) ? path : throw new FileNotFoundException($"{path} is missing: run `npm ci` in tests/tools (scripts/test.sh does).", path);
}
