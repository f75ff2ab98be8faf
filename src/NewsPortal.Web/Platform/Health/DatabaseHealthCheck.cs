using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsPortal.Core.Data;

namespace NewsPortal.Web.Platform.Health;

/// <summary>
/// Healthy when the database answers a trivial query on a pooled connection (cheaper than
/// CanConnect, which on SQLite opens the file afresh on every probe).
/// </summary>
public sealed class DatabaseHealthCheck(NewsDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.Database.ExecuteSqlRawAsync("SELECT 1", cancellationToken);
            return HealthCheckResult.Healthy("Database reachable");
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Database unreachable", ex);
        }
    }
}
