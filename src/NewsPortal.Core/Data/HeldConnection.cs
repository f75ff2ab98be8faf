using Microsoft.EntityFrameworkCore;

namespace NewsPortal.Core.Data;

/// <summary>
/// Keeps the context's connection open for a page's several queries, until the handle is disposed.
/// Opening a SQLite connection registers EF Core's functions on it each time, which costs more than the
/// small queries a page runs, so a page with several queries opens it once.
/// </summary>
public readonly struct HeldConnection : IAsyncDisposable
{
    private readonly NewsDbContext _db;

    private HeldConnection(NewsDbContext db) => _db = db;

    public static async Task<HeldConnection> OpenAsync(NewsDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        return new HeldConnection(db);
    }

    public ValueTask DisposeAsync() => new(_db.Database.CloseConnectionAsync());
}
