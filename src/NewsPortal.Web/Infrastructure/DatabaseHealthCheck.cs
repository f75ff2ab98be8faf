using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsPortal.Core.Data;

namespace NewsPortal.Web.Infrastructure;

/// <summary>Healthy when the database answers.</summary>
public sealed class DatabaseHealthCheck(NewsDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy("Database reachable")
            : HealthCheckResult.Unhealthy("Database unreachable");
}
