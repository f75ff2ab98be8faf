using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using NewsPortal.Core.Data;

namespace NewsPortal.Web.Platform.Health;

/// <summary>
/// Healthy when the database answers a trivial query on a pooled connection (cheaper than
/// CanConnect, which on SQLite opens the file afresh on every probe) within the health deadline.
/// </summary>
public sealed class DatabaseHealthCheck(NewsDbContext db, IOptions<HealthOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        HealthSetup.WithinAsync(TimeSpan.FromSeconds(options.Value.DeadlineSeconds), async ct =>
        {
            try
            {
                await db.Database.ExecuteSqlRawAsync("SELECT 1", ct);
                return HealthCheckResult.Healthy("Database reachable");
            }
            catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException)
            {
                return HealthCheckResult.Unhealthy("Database unreachable", ex);
            }
        }, cancellationToken);
}
