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

    public FailSoftOutputCacheStore(IOutputCacheStore redis, RedisCircuit circuit)
    {
        _redis = redis;
        _circuit = circuit;
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

    /// <summary>While Redis is down an eviction is dropped; the flush on recovery makes it good.</summary>
    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) =>
        TryAsync(ct => _redis.EvictByTagAsync(tag, ct), cancellationToken);

    private async ValueTask TryAsync(Func<CancellationToken, ValueTask> call, CancellationToken cancellationToken)
    {
        if (!await _circuit.AvailableAsync())
        {
            return;
        }

        try
        {
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
