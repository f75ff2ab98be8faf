using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using NewsPortal.Core.Search;
using NewsPortal.Core.Statistics;
using NewsPortal.Web.Platform.Caching;
using NewsPortal.Web.Platform.Site;

namespace NewsPortal.Web.Features.Search;

/// <summary>Searches counted in memory by normalised query, to be written as per-day counts in batches. No reader data is kept.</summary>
public sealed class SearchCounter
{
    /// <summary>The most distinct queries held between two writes; further new queries wait for the next batch's room.</summary>
    public const int MaxQueries = 5_000;

    private ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    public void Count(string query)
    {
        if (_counts.Count < MaxQueries || _counts.ContainsKey(query))
        {
            _counts.AddOrUpdate(query, 1, static (_, n) => n + 1);
        }
    }

    public IReadOnlyDictionary<string, long> Drain() => Interlocked.Exchange(ref _counts, new(StringComparer.Ordinal));

    public void Restore(IReadOnlyDictionary<string, long> counts)
    {
        foreach (var (query, n) in counts)
        {
            _counts.AddOrUpdate(query, n, (_, existing) => existing + n);
        }
    }
}

/// <summary>
/// Counts each search page answered with 200 for a query with terms, from the output cache or not (so it sits in
/// front of the cache, like view counting). Crawlers are not counted.
/// </summary>
public sealed class SearchCountingMiddleware(RequestDelegate next, SearchCounter counter)
{
    private static readonly PathString SearchPath = new("/search");

    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);

        if (HttpMethods.IsGet(context.Request.Method)
            && context.Response.StatusCode == StatusCodes.Status200OK
            && context.Request.Path.Equals(SearchPath, StringComparison.OrdinalIgnoreCase)
            && context.Request.Query["page"].Count == 0
            && SearchQuery.Parse(context.Request.Query["q"].ToString()) is { HasTerms: true } query
            && context.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent
            && !DistinctReaderViews.IsCrawler(agent))
        {
            counter.Count(SearchStatistics.Normalise(query.Text));
        }
    }
}

/// <summary>
/// Writes counted searches as per-day counts every few seconds. Whether a query found anything is asked of the
/// search once per distinct query in the batch, rather than carried from the page (which the output cache may answer).
/// </summary>
public sealed class SearchCountFlusher(
    SearchCounter counter, IServiceScopeFactory scopes, IOptions<CachingOptions> options, SiteTime time, TimeProvider clock, ILogger<SearchCountFlusher> log)
    : BackgroundService
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

        var day = DateOnly.FromDateTime(time.Local(clock.GetUtcNow().UtcDateTime).DateTime);
        var written = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var search = scope.ServiceProvider.GetRequiredService<IArticleSearch>();
            var store = scope.ServiceProvider.GetRequiredService<StatisticsStore>();
            foreach (var (query, n) in batch)
            {
                var found = (await search.SearchAsync(query, 1, 1, ct)).TotalCount > 0;
                await store.AddSearchAsync(day, query, n, found ? 0 : n, ct);
                written.Add(query);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            counter.Restore(batch.Where(b => !written.Contains(b.Key)).ToDictionary(b => b.Key, b => b.Value, StringComparer.Ordinal));
            log.LogWarning(ex, "Could not write {Count} search counts; they are kept for the next attempt", batch.Count - written.Count);
        }
    }
}
