using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace NewsPortal.Web.Platform.Data;

/// <summary>Tells failures of the database or the disk (which a person can do nothing about but wait) from bugs.</summary>
public static class StorageFailures
{
    private const int NoSpaceLeftOnDevice = 28; // ENOSPC
    private const int SqliteFull = 13; // SQLITE_FULL
    private const int SqliteShmSize = 4874; // SQLITE_IOERR_SHMSIZE: the shared-memory file (-shm) could not grow

    /// <summary>The database could not be reached or could not store: a lost connection, a full disk, a timeout.</summary>
    public static bool IsStorageFailure(Exception ex) => Chain(ex).Any(e =>
        e is DbException or DbUpdateException or IOException or TimeoutException or RetryLimitExceededException);

    /// <summary>The disk (of the database or of the media folder) is full.</summary>
    public static bool IsOutOfSpace(Exception ex) => Chain(ex).Any(e => e switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteFull || sqlite.SqliteExtendedErrorCode == SqliteShmSize,
        PostgresException postgres => postgres.SqlState is PostgresErrorCodes.DiskFull,
        IOException io => (io.HResult & 0xFFFF) == NoSpaceLeftOnDevice || io.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase),
        _ => false,
    });

    private static IEnumerable<Exception> Chain(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            yield return ex;
        }
    }
}
