using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using NewsPortal.Core.Data;

namespace NewsPortal.Web.Setup;

/// <summary>
/// Explains a start that failed because SQLite could not write: the database file, its -wal and -shm files
/// and their folder must all be writable (a failed start can leave a read-only -shm behind, so fixing the
/// .db alone is not enough).
/// </summary>
public static class SqliteFiles
{
    private const int ReadOnly = 8; // SQLITE_READONLY
    private const int CannotOpen = 14; // SQLITE_CANTOPEN

    public static bool IsNotWritable(Exception ex) =>
        ex is SqliteException { SqliteErrorCode: ReadOnly or CannotOpen } || (ex.InnerException is { } inner && IsNotWritable(inner));

    /// <summary>Which files must be writable, and what each is now.</summary>
    public static string Explain(IServiceProvider services)
    {
        var connectionString = services.GetRequiredService<DbContextOptions<NewsDbContext>>()
            .Extensions.OfType<RelationalOptionsExtension>().First().ConnectionString!;
        var database = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(database) ?? ".";
        var lines = new[] { database, database + "-wal", database + "-shm" }
            .Select(file => $"  {file}: {StateOf(file)}")
            .Append($"  {folder}/ (where SQLite creates the -wal and -shm files): {FolderState(folder)}");
        return "The SQLite database cannot be written. These files must be writable by the user the portal runs as "
            + $"({Environment.UserName}), and its folder too:{Environment.NewLine}{string.Join(Environment.NewLine, lines)}";
    }

    private static string StateOf(string file)
    {
        if (!File.Exists(file))
        {
            return "does not exist (created when needed)";
        }

        var mode = OperatingSystem.IsWindows() ? "" : $", mode {Convert.ToString((int)File.GetUnixFileMode(file), 8).PadLeft(4, '0')}";
        try
        {
            using (new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite))
            {
                return "writable" + mode;
            }
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return $"NOT writable{mode} ({ex.Message})";
        }
    }

    private static string FolderState(string folder)
    {
        var probe = Path.Combine(folder, $".write-test-{Guid.NewGuid():N}");
        try
        {
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return "writable";
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return $"NOT writable ({ex.Message})";
        }
    }
}
