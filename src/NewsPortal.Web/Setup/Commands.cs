using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsPortal.Core.Data;
using NewsPortal.Core.Media;
using NewsPortal.Web.Features.Staff;
using NewsPortal.Web.Features.Staff.Articles;
using NewsPortal.Web.Platform.Caching;
using NewsPortal.Web.Platform.Data;
using NewsPortal.Web.Platform.ScaleOut;
using Spectre.Console;

namespace NewsPortal.Web.Setup;

/// <summary>
/// Administrative commands run through the same host as the site:
/// <c>dotnet run --project src/NewsPortal.Web -- staff create --email you@example.org --name "Your Name" --role Admin</c>
/// (the password is read from NEWSPORTAL_PASSWORD, or typed at a prompt), <c>migrate</c>,
/// <c>backup [PATH]</c> (one archive: an online copy of the SQLite database, media and keys), <c>restore ARCHIVE</c>,
/// <c>search rebuild</c>, <c>content changed</c> (after changing content in SQL: every instance drops its cached pages), and
/// <c>import FOLDER</c> and <c>export FOLDER</c> (Markdown articles with YAML front matter).
/// </summary>
public static class Commands
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        var words = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).Take(2).ToArray();
        if (words.Length == 0)
        {
            return false;
        }

        switch (words)
        {
            case ["migrate", ..]:
                await app.MigrateDatabaseAsync();
                Console.WriteLine("Database migrated.");
                return true;

            case ["backup", ..]:
                Environment.ExitCode = await BackupAsync(app, args);
                return true;

            case ["restore", ..]:
                Environment.ExitCode = await RestoreAsync(app, args);
                return true;

            case ["search", "rebuild"]:
                await app.PrepareDatabaseAsync();
                Environment.ExitCode = await Features.Search.SearchCommands.RebuildAsync(app);
                return true;

            case ["content", "changed"]:
                await app.PrepareDatabaseAsync();
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    var version = await scope.ServiceProvider.GetRequiredService<ContentAnnouncement>().AnnounceAsync(CancellationToken.None);
                    Console.WriteLine($"Content version moved to {version}: every instance drops its cached pages within a second.");
                }

                return true;

            case ["staff", "create"]:
                Environment.ExitCode = await CreateStaffAsync(app, args);
                return true;

            case ["import" or "export", var folder]:
                await app.PrepareDatabaseAsync();
                Environment.ExitCode = words[0] == "import"
                    ? await NewsroomCommands.ImportAsync(app.Services, folder, AnsiConsole.Console)
                    : await NewsroomCommands.ExportAsync(app.Services, folder, AnsiConsole.Console);
                return true;

            case ["import" or "export"]:
                await Console.Error.WriteLineAsync($"Usage: {words[0]} FOLDER (Markdown files with YAML front matter).");
                Environment.ExitCode = 2;
                return true;

            default:
                return false;
        }
    }

    private static async Task<int> CreateStaffAsync(WebApplication app, string[] args)
    {
        var email = Option(args, "--email");
        var name = Option(args, "--name") ?? "";
        var role = Option(args, "--role") ?? "Admin";
        if (string.IsNullOrWhiteSpace(email))
        {
            await Console.Error.WriteLineAsync("Usage: staff create --email EMAIL [--name NAME] [--role Admin|Editor|Moderator|Reporter]; password from NEWSPORTAL_PASSWORD or the prompt.");
            return 2;
        }

        var password = Environment.GetEnvironmentVariable("NEWSPORTAL_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            Console.Write("Password (at least 12 characters, not a common password): ");
            password = ReadHidden();
        }

        await app.PrepareDatabaseAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var errors = await StaffAccounts.CreateAsync(scope.ServiceProvider, email, name, role, password);
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                await Console.Error.WriteLineAsync(error);
            }

            return 1;
        }

        Console.WriteLine($"Created {role} account {email}.");
        return 0;
    }

    /// <summary>
    /// `backup [PATH]`: one archive with an online copy of the SQLite database, the uploaded images and the
    /// data-protection keys, taken while the portal runs. `restore ARCHIVE [--overwrite]`: puts them back (portal stopped).
    /// </summary>
    private static async Task<int> BackupAsync(WebApplication app, string[] args)
    {
        var words = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var target = words.Length > 1 ? words[1]
            : Path.Combine("backups", $"newsportal-{DateTime.UtcNow:yyyyMMdd-HHmmss}.tar.gz");
        var sqlite = options.Provider == "Sqlite" ? Database.SqliteConnectionString(options.ConnectionString, app.Environment.ContentRootPath) : null;
        var result = await SiteArchive.CreateAsync(Folders(app), sqlite, target);
        Console.WriteLine($"Backed up to {result.Path} ({result.Bytes:N0} bytes): "
            + (result.HasDatabase ? "the database, " : "no database (PostgreSQL: use pg_dump, see README), ")
            + $"{result.MediaFiles} media files, {result.KeyFiles} key files.");
        return 0;
    }

    private static async Task<int> RestoreAsync(WebApplication app, string[] args)
    {
        var words = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        if (words.Length < 2 || !File.Exists(words[1]))
        {
            await Console.Error.WriteLineAsync("Usage: restore ARCHIVE [--overwrite] (an archive the backup command wrote; stop the portal first).");
            return 2;
        }

        try
        {
            var result = await SiteArchive.RestoreAsync(words[1], Folders(app), args.Contains("--overwrite"));
            Console.WriteLine($"Restored from {result.Path}: " + (result.HasDatabase ? "the database, " : "no database, ")
                + $"{result.MediaFiles} media files, {result.KeyFiles} key files. Start the portal.");
            return 0;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"Nothing was restored over the existing data: {ex.Message}");
            return 1;
        }
    }

    private static SiteFolders Folders(WebApplication app)
    {
        var database = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var keys = app.Configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        return new SiteFolders(
            database.Provider == "Sqlite"
                ? new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(Database.SqliteConnectionString(database.ConnectionString, app.Environment.ContentRootPath)).DataSource
                : null,
            app.Services.GetRequiredService<IOptions<MediaOptions>>().Value.Folder,
            Path.GetFullPath(Path.Combine(app.Environment.ContentRootPath, keys.KeysFolder)));
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string ReadHidden()
    {
        if (Console.IsInputRedirected)
        {
            return Console.ReadLine() ?? "";
        }

        var password = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.WriteLine();
                return password.ToString();
            }

            if (key.Key == ConsoleKey.Backspace && password.Length > 0)
            {
                password.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }
    }
}
