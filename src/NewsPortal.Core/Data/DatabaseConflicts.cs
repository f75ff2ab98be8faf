using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace NewsPortal.Core.Data;

/// <summary>Tells a save that lost a race (a row changed meanwhile, a unique value taken) from a database that failed.</summary>
public static class DatabaseConflicts
{
    private const int SqliteConstraint = 19; // SQLITE_CONSTRAINT

    public static bool IsConflict(DbUpdateException ex) => ex is DbUpdateConcurrencyException || ex.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint,

        // PostgreSQL's class 23: integrity constraint violations (unique, foreign key, check).
        DbException other => other.SqlState?.StartsWith("23", StringComparison.Ordinal) == true,
        _ => false,
    };
}
