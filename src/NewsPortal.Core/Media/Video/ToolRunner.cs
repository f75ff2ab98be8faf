using System.ComponentModel;
using System.Diagnostics;

namespace NewsPortal.Core.Media.Video;

/// <summary>What a run of ffprobe or ffmpeg printed, or that the program could not be started at all.</summary>
public sealed record ToolRun(bool Started, int ExitCode, string Output, string Errors);

/// <summary>Runs ffprobe and ffmpeg with arguments as a list (never a shell), a deadline and their output captured.</summary>
public static class ToolRunner
{
    public static async Task<ToolRun> RunAsync(string program, IEnumerable<string> arguments, TimeSpan deadline, CancellationToken ct)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception("not started");
        }
        catch (Win32Exception)
        {
            return new ToolRun(false, -1, "", "");
        }

        using (process)
        {
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync(ct);
            var errors = process.StandardError.ReadToEndAsync(ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(deadline);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
                ct.ThrowIfCancellationRequested();
                return new ToolRun(true, -1, "", "timed out");
            }

            return new ToolRun(true, process.ExitCode, await output, await errors);
        }
    }
}
