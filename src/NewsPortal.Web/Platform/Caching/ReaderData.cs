using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Data;
using NewsPortal.Web.Platform.ScaleOut;

namespace NewsPortal.Web.Platform.Caching;

/// <summary>
/// What reader pages are rendered from (the front page's stories, listing pages, an article with its links),
/// held in memory so that a page the output cache does not hold (evicted by a publish, never asked for yet, or
/// the output cache off) is rendered without the database.
/// <para>
/// Coherence: every entry carries the generation it was read in, and any content change, made here or
/// noticed from elsewhere, starts a new generation before any cached page is evicted
/// (<see cref="ReaderPageEviction"/> calls <see cref="Forget"/> first). A read that overlaps a change stores
/// its result under the old generation, so it is never served afterwards.
/// </para>
/// <para>
/// Time: an article published for a later time appears when its time comes, with no save, so nothing read is
/// kept past the next such time; and entries expire with the output cache's lifetime, which bounds what
/// changes without a save (most-read counts). Staff (signed in) always read the database, as they never get
/// a cached page either.
/// </para>
/// </summary>
public sealed class ReaderData : IDisposable
{
    private readonly MemoryCache _entries;
    private readonly TimeSpan _lifetime;
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private long _generation;
    private NextPublication? _next;

    public ReaderData(IOptions<CachingOptions> options, IOptions<RedisOptions> redis, IServiceScopeFactory scopes, TimeProvider clock)
    {
        _entries = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.Value.DataKilobytes) });
        _lifetime = TimeSpan.FromSeconds(options.Value.DurationSeconds);
        _scopes = scopes;
        _clock = clock;
        // With several instances (Redis), another instance's save reaches this one's memory only when the content
        // version is next read, up to a second later, while the page it evicted from the shared cache may be
        // asked for at once: so the data is held in memory only when this instance is the only one.
        Enabled = options.Value.DataKilobytes > 0 && !redis.Value.Enabled;
    }

    public bool Enabled { get; }

    /// <summary>Entries held now (for tests and the benchmark's notes).</summary>
    public int Count => _entries.Count;

    /// <summary>
    /// The value under <paramref name="key"/> read in the current generation, or <paramref name="read"/>'s result,
    /// kept when <paramref name="sizeInKilobytes"/> gives it a size (null: not kept, for example a "not found").
    /// </summary>
    public async Task<T> GetOrReadAsync<T>(
        HttpContext http, string key, Func<CancellationToken, Task<T>> read, Func<T, int?> sizeInKilobytes)
    {
        var ct = http.RequestAborted;
        if (!Enabled || http.User.Identity?.IsAuthenticated == true)
        {
            return await read(ct);
        }

        var generation = Volatile.Read(ref _generation);
        var now = _clock.GetUtcNow().UtcDateTime;
        if (_entries.TryGetValue(key, out var found) && found is Entry<T> entry && entry.Generation == generation && now < entry.ValidUntil)
        {
            return entry.Value;
        }

        var validUntil = now + _lifetime;
        if (await NextPublicationAsync(generation, now, ct) is { } next && next < validUntil)
        {
            validUntil = next;
        }

        var value = await read(ct);
        if (sizeInKilobytes(value) is { } size)
        {
            _entries.Set(key, new Entry<T>(value, generation, validUntil), new MemoryCacheEntryOptions
            {
                Size = Math.Max(1, size),
                AbsoluteExpirationRelativeToNow = _lifetime,
            });
        }

        return value;
    }

    /// <summary>The soonest time a published article becomes visible, as known in this generation.</summary>
    private async Task<DateTime?> NextPublicationAsync(long generation, DateTime now, CancellationToken ct)
    {
        if (Volatile.Read(ref _next) is { } known && known.Generation == generation && (known.At is null || now < known.At))
        {
            return known.At;
        }

        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var at = await db.Articles.AsNoTracking()
            .Where(a => a.Status == ArticleStatus.Published && a.PublishedAt > now)
            .MinAsync(a => a.PublishedAt, ct);
        Volatile.Write(ref _next, new NextPublication(generation, at));
        return at;
    }

    /// <summary>Starts a new generation: nothing read before now is served again.</summary>
    public void Forget()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }

    public void Dispose() => _entries.Dispose();

    private sealed record Entry<T>(T Value, long Generation, DateTime ValidUntil);

    private sealed record NextPublication(long Generation, DateTime? At);
}
