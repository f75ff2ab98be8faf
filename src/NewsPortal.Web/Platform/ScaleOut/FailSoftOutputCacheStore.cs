using Microsoft.AspNetCore.OutputCaching;
using NewsPortal.Web.Platform.Caching;

namespace NewsPortal.Web.Platform.ScaleOut;

/// <summary>
/// The Redis output cache store, made optional: every call has a short deadline, and while Redis is down
/// (<see cref="RedisCircuit"/>) pages are neither read from nor written to any cache, so readers get freshly
/// rendered pages within milliseconds instead of waiting for Redis timeouts. An eviction that cannot reach
/// Redis is not lost: when Redis answers again, every reader page in it is dropped before anything is read
/// from it, because any of them may show something changed meanwhile.
/// </summary>
public sealed class FailSoftOutputCacheStore : IOutputCacheStore
{
    private readonly IOutputCacheStore _redis;
    private readonly RedisCircuit _circuit;
    private readonly RedisConnection _connection;

    public FailSoftOutputCacheStore(IOutputCacheStore redis, RedisCircuit circuit, RedisConnection connection)
    {
        _redis = redis;
        _circuit = circuit;
        _connection = connection;
        circuit.OnRecovery(ct => _redis.EvictByTagAsync(CacheTags.AllReaderPages, ct).AsTask());
    }

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        byte[]? found = null;
        await TryAsync(async ct => found = await _redis.GetAsync(key, ct), cancellationToken);
        return found;
    }

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
        TryAsync(ct => _redis.SetAsync(key, value, tags, validFor, ct), cancellationToken);

    /// <summary>
    /// Evictions (rare: they follow saves) are always tried, even while Redis is taken as down, so one slow answer
    /// cannot leave other instances serving a changed page; one that fails is made good by the flush on recovery.
    /// </summary>
    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) =>
        TryAsync(ct => _redis.EvictByTagAsync(tag, ct), cancellationToken, always: true);

    private async ValueTask TryAsync(Func<CancellationToken, ValueTask> call, CancellationToken cancellationToken, bool always = false)
    {
        if (!await _circuit.AvailableAsync() && !always)
        {
            return;
        }

        try
        {
            // The first call waits for the connection to be made (bounded by its connect timeout), not the deadline.
            await _connection.ConnectAsync().WaitAsync(cancellationToken);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(_circuit.OperationTimeout);
            await call(deadline.Token).AsTask().WaitAsync(_circuit.OperationTimeout, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && RedisCircuit.IsRedisFailure(ex))
        {
            _circuit.Failed(ex);
        }
    }
}
