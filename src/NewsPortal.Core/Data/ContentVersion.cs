using Microsoft.EntityFrameworkCore;

namespace NewsPortal.Core.Data;

/// <summary>
/// One row whose <see cref="Value"/> goes up with every saved change to what article listings contain or
/// how they are ordered. Anything that keeps a derived copy of a listing in memory (see
/// <see cref="Articles.Listings.ListingPositions"/>) compares it to tell whether the copy still holds, in
/// every instance that shares the database, whichever process made the change.
/// </summary>
public class ContentVersion
{
    public const int SingletonId = 1;

    private const string Step =
        "UPDATE \"ContentVersions\" SET \"Value\" = \"Value\" + 1 WHERE \"Id\" = 1 RETURNING \"Value\"";

    public int Id { get; set; }
    public long Value { get; set; }

    /// <summary>Moves the version on by one, in the current transaction if there is one; returns the new value (0 when the row is missing).</summary>
    public static async Task<long> MoveOnAsync(NewsDbContext db, CancellationToken ct) =>
        (await db.Database.SqlQueryRaw<long>(Step).ToListAsync(ct)).FirstOrDefault();

    /// <inheritdoc cref="MoveOnAsync"/>
    public static long MoveOn(NewsDbContext db) => db.Database.SqlQueryRaw<long>(Step).AsEnumerable().FirstOrDefault();
}
