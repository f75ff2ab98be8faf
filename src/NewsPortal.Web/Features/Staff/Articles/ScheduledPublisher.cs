using NewsPortal.Core.Articles.Editing;
using NewsPortal.Web.Platform.Caching;

namespace NewsPortal.Web.Features.Staff.Articles;

/// <summary>Publishes scheduled articles when their time comes: once at start-up, then every 15 seconds.</summary>
public sealed class ScheduledPublisher(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ScheduledPublisher> log)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            do
            {
                await PublishDueAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task PublishDueAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var published = await scope.ServiceProvider.GetRequiredService<ScheduledPublishing>().PublishDueAsync(ct);
            if (published.Count > 0)
            {
                log.LogInformation("Published {Count} scheduled articles", published.Count);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The next tick tries again; /health turns degraded if articles stay overdue.
            log.LogError(ex, "Scheduled publishing failed");
        }
    }
}
