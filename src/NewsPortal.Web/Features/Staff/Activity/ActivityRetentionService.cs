using Microsoft.Extensions.Options;
using NewsPortal.Core.Activity;
using NewsPortal.Core.Statistics;

namespace NewsPortal.Web.Features.Staff.Activity;

/// <summary>
/// Deletes activity entries older than <see cref="ActivityOptions.RetentionDays"/> and search counts older than
/// <see cref="ActivityOptions.SearchRetentionDays"/>: at start-up and then every <see cref="ActivityOptions.SweepMinutes"/>.
/// </summary>
public sealed class ActivityRetentionService(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<ActivityOptions> options, ILogger<ActivityRetentionService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.SweepMinutes), clock);
        try
        {
            do
            {
                await SweepAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>Deletes what has passed the retention period. Returns how many activity entries went.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var deleted = await scope.ServiceProvider.GetRequiredService<ActivityLog>().DeleteOlderThanAsync(now.AddDays(-options.Value.RetentionDays), ct);
            await scope.ServiceProvider.GetRequiredService<StatisticsStore>()
                .DeleteSearchesBeforeAsync(DateOnly.FromDateTime(now.AddDays(-options.Value.SearchRetentionDays)), ct);
            if (deleted > 0)
            {
                log.LogInformation("Deleted {Count} activity entries older than {Days} days", deleted, options.Value.RetentionDays);
            }

            return deleted;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The next sweep tries again; a failed sweep must not stop the site.
            log.LogError(ex, "Deleting old activity entries failed");
            return 0;
        }
    }
}
