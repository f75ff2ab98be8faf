using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NewsPortal.Core.Data;

/// <summary>
/// Per-connection SQLite settings: synchronous=FULL makes each commit durable before SaveChanges
/// returns, so an accepted message survives the process (or the machine) dying right after;
/// busy_timeout makes writers wait for each other instead of failing. WAL mode, which lets readers and
/// the writer work at once, is a property of the database file and is set once at start-up
/// (<see cref="EnableWalAsync"/>); setting it here would fail on the read-only connections EF Core opens.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";

    /// <summary>Switches the database file to write-ahead logging (persistent; a no-op when already on).</summary>
    public static async Task EnableWalAsync(NewsDbContext db, CancellationToken ct = default)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL;";
            await command.ExecuteScalarAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsNew(connection, out var handle))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
            Initialised.AddOrUpdate(handle, Marker);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsNew(connection, out var handle))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            Initialised.AddOrUpdate(handle, Marker);
        }
    }

    // The settings belong to the native connection, which the pool hands out again and again:
    // set them once per native connection, not on every open.
    private static readonly ConditionalWeakTable<object, object> Initialised = new();
    private static readonly object Marker = new();

    private static bool IsNew(DbConnection connection, out object handle)
    {
        handle = (connection as SqliteConnection)?.Handle ?? (object)connection;
        return !Initialised.TryGetValue(handle, out _);
    }
}
