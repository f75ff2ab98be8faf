using Microsoft.Extensions.Options;
using NewsPortal.Core.Consent;
using NewsPortal.Core.Data.Changes;
using NewsPortal.Core.Policies;

namespace NewsPortal.Web.Features.Consent;

/// <summary>
/// The consent versions of the Privacy Policy and Terms of Use in force, kept in memory. Read again after
/// <see cref="ConsentOptions.VersionRefreshSeconds"/>, when a scheduled revision comes into force, and at once
/// after any committed change to the policies, here or in another process.
/// </summary>
public sealed class ConsentVersionCache(IServiceScopeFactory scopes, TimeProvider clock, IOptions<ConsentOptions> options) : IContentChangeObserver, IDisposable
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private Entry? _entry;
    private ConsentVersions? _lastRead;
    private int _generation;

    public async ValueTask<ConsentVersions> GetAsync(CancellationToken ct = default)
    {
        if (Fresh(Volatile.Read(ref _entry)) is { } versions)
        {
            return versions;
        }

        await _refresh.WaitAsync(ct);
        try
        {
            if (Fresh(Volatile.Read(ref _entry)) is { } again)
            {
                return again;
            }

            var generation = Volatile.Read(ref _generation);
            ConsentVersionsInForce inForce;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                inForce = await scope.ServiceProvider.GetRequiredService<PolicyQueries>().ConsentVersionsAsync(ct);
            }
            catch (Exception ex) when (_lastRead is { } last && (Platform.Data.StorageFailures.IsStorageFailure(ex) || ex is InvalidOperationException))
            {
                // The database is down: the versions last read are still the best answer; asked again in a few seconds.
                Volatile.Write(ref _entry, new Entry(last, clock.GetUtcNow().AddSeconds(5)));
                return last;
            }

            _lastRead = inForce.Versions;
            var expires = clock.GetUtcNow().AddSeconds(options.Value.VersionRefreshSeconds);
            if (inForce.NextChangeAt is { } next && next < expires)
            {
                expires = new DateTimeOffset(DateTime.SpecifyKind(next, DateTimeKind.Utc));
            }

            // A revision saved while this read was running makes its result stale: use it once, keep nothing.
            if (generation == Volatile.Read(ref _generation))
            {
                Volatile.Write(ref _entry, new Entry(inForce.Versions, expires));
            }

            return inForce.Versions;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>Forgets the versions, so the next request reads them from the database.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        Volatile.Write(ref _entry, null);
    }

    public Task ContentChangedAsync(ContentChange change, CancellationToken ct)
    {
        if (change.Policies)
        {
            Invalidate();
        }

        return Task.CompletedTask;
    }

    public void Dispose() => _refresh.Dispose();

    private ConsentVersions? Fresh(Entry? entry) => entry is not null && clock.GetUtcNow() < entry.ExpiresAt ? entry.Versions : null;

    private sealed record Entry(ConsentVersions Versions, DateTimeOffset ExpiresAt);
}
