using System.Collections.Concurrent;

namespace NewsPortal.Web.Platform.Caching;

/// <summary>Article views counted in memory, to be written to the database in batches.</summary>
public sealed class ViewCounter
{
    private ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    public void Count(string slug) => _counts.AddOrUpdate(slug, 1, static (_, n) => n + 1);

    /// <summary>Takes the counts gathered so far and starts a new batch.</summary>
    public IReadOnlyDictionary<string, long> Drain() => Interlocked.Exchange(ref _counts, new(StringComparer.Ordinal));

    /// <summary>Puts back counts that could not be written, so no view is lost.</summary>
    public void Restore(IReadOnlyDictionary<string, long> counts)
    {
        foreach (var (slug, n) in counts)
        {
            _counts.AddOrUpdate(slug, n, (_, existing) => existing + n);
        }
    }
}

/// <summary>
/// Counts a view for each article page answered with 200, whether it came from the output cache or not.
/// Placed in front of the output cache; does nothing else.
/// </summary>
public sealed class ViewCountingMiddleware(RequestDelegate next, ViewCounter counter)
{
    private static readonly PathString ArticlePrefix = new("/article");

    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);

        if (HttpMethods.IsGet(context.Request.Method)
            && context.Response.StatusCode == StatusCodes.Status200OK
            && context.Request.Path.StartsWithSegments(ArticlePrefix, out var rest)
            && rest.Value is { Length: > 1 } slugPath
            && slugPath.IndexOf('/', 1) < 0)
        {
            counter.Count(slugPath[1..]);
        }
    }
}
