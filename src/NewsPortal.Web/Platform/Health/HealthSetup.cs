using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NewsPortal.Web.Platform.Health;

/// <summary>What /health checks and how long it may take. Bound from the "Health" section.</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>Every check answers within this many seconds; one that does not is reported Unhealthy by name.</summary>
    [Range(1, 30)]
    public int DeadlineSeconds { get; set; } = 2;

    /// <summary>Free space below which the data or media folder's disk makes /health Degraded (megabytes).</summary>
    [Range(1, 1_000_000)]
    public long MinFreeMegabytes { get; set; } = 500;
}

/// <summary>
/// /health: 200 with "Healthy" or "Degraded", 503 with "Unhealthy", and the names of the checks that are not
/// healthy (e.g. "Degraded: redis, disk"). No descriptions or exception text: anyone may ask.
/// </summary>
public static class HealthSetup
{
    public static IServiceCollection AddPortalHealthChecks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HealthOptions>().Bind(configuration.GetSection(HealthOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var deadline = TimeSpan.FromSeconds((configuration.GetSection(HealthOptions.Section).Get<HealthOptions>() ?? new HealthOptions()).DeadlineSeconds);
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", timeout: deadline)
            .AddCheck<DiskSpaceHealthCheck>("disk", timeout: deadline);

        // Every check, including those other features add, is given the same deadline.
        services.PostConfigure<HealthCheckServiceOptions>(options =>
        {
            foreach (var registration in options.Registrations)
            {
                registration.Timeout = deadline;
            }
        });
        return services;
    }

    public static IEndpointConventionBuilder MapPortalHealth(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHealthChecks("/health", new HealthCheckOptions
        {
            AllowCachingResponses = false,
            ResponseWriter = (context, report) =>
            {
                context.Response.ContentType = "text/plain; charset=utf-8";
                var failing = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).Select(e => e.Key).ToList();
                return context.Response.WriteAsync(failing.Count == 0
                    ? report.Status.ToString()
                    : $"{report.Status}: {string.Join(", ", failing)}");
            },
        });

    /// <summary>
    /// Runs <paramref name="check"/> with the deadline: a check that does not answer in time (a lock, a server
    /// that does not reply) is reported Unhealthy instead of holding the probe.
    /// </summary>
    public static async Task<HealthCheckResult> WithinAsync(TimeSpan deadline, Func<CancellationToken, Task<HealthCheckResult>> check, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(deadline);
        try
        {
            return await check(timeout.Token).WaitAsync(deadline, ct);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"No answer within {deadline.TotalSeconds:0} s");
        }
    }
}
