using NewsPortal.Core.Data;
using NewsPortal.Core.Data.Changes;

namespace NewsPortal.Web.Platform.Caching;

/// <summary>
/// Notices, within a second, content saved by any other process that shares the database (another
/// instance, the import command, a restore, a fix made in SQL and announced with <c>content changed</c>),
/// by watching the content version that every save moves on, and tells this process's observers: the
/// change's reach is not known, so they drop everything they derived.
/// </summary>
public sealed class ContentVersionWatcher(
    IServiceScopeFactory scopes, ContentVersionClock clock, IEnumerable<IContentChangeObserver> observers,
    TimeProvider time, ILogger<ContentVersionWatcher> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly IContentChangeObserver[] _observers = [.. observers];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        var failing = false;
        try
        {
            do
            {
                try
                {
                    await CheckAsync(stoppingToken);
                    failing = false;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Logged once per outage: the database being down is reported by /health.
                    if (!failing)
                    {
                        log.LogWarning(ex, "Could not read the content version; retrying every {Seconds} s", Interval.TotalSeconds);
                    }

                    failing = true;
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    public async Task CheckAsync(CancellationToken ct)
    {
        ContentChange? change;
        await using (var scope = scopes.CreateAsyncScope())
        {
            change = await clock.CheckAsync(scope.ServiceProvider.GetRequiredService<NewsDbContext>(), ct);
        }

        if (change is null)
        {
            return;
        }

        log.LogInformation("Content changed elsewhere (content version {Version}); dropping what this instance derived from it", change.Version);
        foreach (var observer in _observers)
        {
            await observer.ContentChangedAsync(change, ct);
        }
    }
}
