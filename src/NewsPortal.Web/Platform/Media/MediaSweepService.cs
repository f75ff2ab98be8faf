using Microsoft.Extensions.Options;
using NewsPortal.Core.Media;

namespace NewsPortal.Web.Platform.Media;

/// <summary>Runs the <see cref="MediaSweep"/> every <see cref="MediaOptions.SweepMinutes"/>.</summary>
public sealed class MediaSweepService(IServiceScopeFactory scopes, IOptions<MediaOptions> options, TimeProvider clock, ILogger<MediaSweepService> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.SweepMinutes), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<MediaSweep>().RunAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    log.LogError(ex, "Media sweep failed; it runs again in {Minutes} minutes", options.Value.SweepMinutes);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
