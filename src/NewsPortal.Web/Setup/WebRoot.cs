namespace NewsPortal.Web.Setup;

/// <summary>
/// Finds the web root: the repository's top-level wwwroot/ under `dotnet run` and in tests, or the
/// wwwroot/ copied beside the app by `dotnet publish`. "--webroot" or NEWSPORTAL_WEBROOT overrides both.
/// </summary>
public static class WebRoot
{
    public const string SolutionFile = "NewsPortal.sln";

    /// <summary>
    /// The current directory when it holds the app's settings (dotnet run, a container's WORKDIR),
    /// otherwise the folder of the app itself, so a published build can be started from anywhere.
    /// </summary>
    public static string ContentRoot()
    {
        var current = Directory.GetCurrentDirectory();
        return File.Exists(Path.Combine(current, "appsettings.json")) ? current : AppContext.BaseDirectory;
    }

    public static string? Locate(string[] args)
    {
        var index = Array.IndexOf(args, "--webroot");
        if (index >= 0 && index + 1 < args.Length)
        {
            return Path.GetFullPath(args[index + 1]);
        }

        if (Environment.GetEnvironmentVariable("NEWSPORTAL_WEBROOT") is { Length: > 0 } fromEnv)
        {
            return Path.GetFullPath(fromEnv);
        }

        // Source tree first, so edits to wwwroot/ show without a rebuild.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)) && Directory.Exists(Path.Combine(dir.FullName, "wwwroot")))
            {
                return Path.Combine(dir.FullName, "wwwroot");
            }
        }

        var published = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        return Directory.Exists(published) ? published : null;
    }
}
