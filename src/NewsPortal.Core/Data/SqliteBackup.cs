using Microsoft.Data.Sqlite;

namespace NewsPortal.Core.Data;

/// <summary>
/// A consistent copy of a live SQLite database, taken with SQLite's online backup API while the portal
/// keeps serving and writing. The copy is written to a temporary file and moved into place only once
/// complete and checked, so a failed backup never leaves a half-written file under the target name.
/// </summary>
public static class SqliteBackup
{
    public sealed record Result(string Path, long Bytes, string IntegrityCheck);

    public static async Task<Result> CopyAsync(string sourceConnectionString, string targetPath, CancellationToken ct = default)
    {
        var target = System.IO.Path.GetFullPath(targetPath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
        var temporary = target + ".partial";
        File.Delete(temporary);

        await using (var source = new SqliteConnection(sourceConnectionString))
        await using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temporary, Pooling = false }.ToString()))
        {
            await source.OpenAsync(ct);
            await copy.OpenAsync(ct);
            source.BackupDatabase(copy);

            // A standalone file: no WAL beside it.
            await using var journal = copy.CreateCommand();
            journal.CommandText = "PRAGMA journal_mode=DELETE;";
            await journal.ExecuteNonQueryAsync(ct);
        }

        var check = await IntegrityCheckAsync(temporary, ct);
        if (check != "ok")
        {
            File.Delete(temporary);
            throw new InvalidOperationException($"The backup failed SQLite's integrity check: {check}");
        }

        File.Move(temporary, target, overwrite: true);
        return new Result(target, new FileInfo(target).Length, check);
    }

    /// <summary>Runs PRAGMA integrity_check on a database file; "ok" when sound.</summary>
    public static async Task<string> IntegrityCheckAsync(string path, CancellationToken ct = default)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        return (string)(await command.ExecuteScalarAsync(ct))!;
    }
}
