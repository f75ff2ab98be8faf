using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsPortal.Core.Data;
using NewsPortal.Core.Statistics;
using NewsPortal.Web.Platform.Site;

namespace NewsPortal.Web.Platform.Caching;

/// <summary>
/// Writes counted views to the database every few seconds: one small update per article read, never one per request,
/// to the article's total ("Most read") and to its count for the day (the site's local day, for the dashboard).
/// </summary>
public sealed class ViewCountFlusher(
    ViewCounter counter,
    IServiceScopeFactory scopes,
    IOptions<CachingOptions> options,
    TimeProvider clock,
    SiteTime time,
    ILogger<ViewCountFlusher> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.ViewFlushSeconds), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }

        await FlushAsync(CancellationToken.None);
    }

    public async Task FlushAsync(CancellationToken ct)
    {
        var batch = counter.Drain();
        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
            var day = DateOnly.FromDateTime(time.Local(clock.GetUtcNow().UtcDateTime).DateTime);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var (slug, views) in batch)
            {
                await db.Articles.Where(a => a.Slug == slug)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.ViewCount, a => a.ViewCount + views), ct);
            }

            await scope.ServiceProvider.GetRequiredService<StatisticsStore>().AddViewsAsync(day, batch, ct);
            await transaction.CommitAsync(ct);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            counter.Restore(batch);
            log.LogWarning(ex, "Could not write {Count} article view counts; they are kept for the next attempt", batch.Count);
        }
    }
}
