using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NewsPortal.Web.Platform.ScaleOut;

/// <summary>
/// Degraded while Redis does not answer: pages are served uncached and the key ring is read from the key folder.
/// Each probe also pings Redis (or, while it is taken as down, tries it again when due), so an idle instance
/// notices both the outage and the recovery.
/// </summary>
public sealed class RedisHealthCheck(RedisCircuit circuit, RedisConnection connection) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (await circuit.AvailableAsync())
        {
            try
            {
                var redis = await connection.ConnectAsync().WaitAsync(circuit.OperationTimeout, cancellationToken);
                await redis.GetDatabase().PingAsync().WaitAsync(circuit.OperationTimeout, cancellationToken);
                return HealthCheckResult.Healthy("Redis answers");
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && RedisCircuit.IsRedisFailure(ex))
            {
                circuit.Failed(ex);
            }
        }

        return HealthCheckResult.Degraded("Redis does not answer; serving without the shared cache");
    }
}
