using Microsoft.Extensions.Options;
using NewsPortal.Core.Messages;

namespace NewsPortal.Web.Features.Messages;

/// <summary>
/// Deletes reader messages (and their notes) once they are older than <see cref="MessagesOptions.RetentionDays"/>:
/// at start-up and then every <see cref="MessagesOptions.RetentionSweepMinutes"/>, on the injected clock.
/// </summary>
public sealed class MessageRetentionService(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<MessagesOptions> options, ILogger<MessageRetentionService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.RetentionSweepMinutes), clock);
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

    /// <summary>Deletes what has passed the retention period. Returns how many messages went.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-options.Value.RetentionDays);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var deleted = await scope.ServiceProvider.GetRequiredService<MessageInbox>().DeleteReceivedBeforeAsync(cutoff, ct);
            if (deleted > 0)
            {
                log.LogInformation("Deleted {Count} reader messages older than {Days} days", deleted, options.Value.RetentionDays);
            }

            return deleted;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The next sweep tries again; a failed sweep must not stop the site.
            log.LogError(ex, "Deleting old reader messages failed");
            return 0;
        }
    }
}
