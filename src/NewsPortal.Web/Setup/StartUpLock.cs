using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;

namespace NewsPortal.Web.Setup;

/// <summary>
/// A PostgreSQL session-level advisory lock held on the context's own connection while start-up work
/// (migrations, roles, demo content) runs, so instances starting together take turns. SQLite serves a
/// single node and needs none.
/// </summary>
internal sealed class StartUpLock : IAsyncDisposable
{
    /// <summary>Any fixed number; it only has to be the same in every instance of the portal.</summary>
    private const long Key = 7_301_994_118_650_112_001;

    private readonly NewsDbContext? _db;

    private StartUpLock(NewsDbContext? db) => _db = db;

    public static async Task<StartUpLock> AcquireAsync(NewsDbContext db, CancellationToken ct = default)
    {
        if (!db.Database.IsNpgsql())
        {
            return new StartUpLock(null);
        }

        await db.Database.OpenConnectionAsync(ct);
        var timeout = db.Database.GetCommandTimeout();

        // Waiting for another instance's migrations may take longer than an ordinary command.
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({Key})", ct);
        }
        catch
        {
            await db.Database.CloseConnectionAsync();
            throw;
        }
        finally
        {
            db.Database.SetCommandTimeout(timeout);
        }

        return new StartUpLock(db);
    }

    public async ValueTask DisposeAsync()
    {
        if (_db is null)
        {
            return;
        }

        try
        {
            await _db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({Key})");
        }
        finally
        {
            // An unlock fails only on a broken connection, whose session (and lock) the server has already ended.
            await _db.Database.CloseConnectionAsync();
        }
    }
}
