using System.Net.Sockets;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace NewsPortal.Web.Platform.ScaleOut;

/// <summary>
/// Whether Redis is worth asking. Closed while Redis answers; the first failure opens it, and for
/// <see cref="RedisOptions.RetrySeconds"/> every caller goes without Redis at once instead of waiting for a
/// timeout. After that one caller at a time probes Redis again; the probe that succeeds closes the circuit.
/// </summary>
public sealed class RedisCircuit(IOptions<RedisOptions> options, TimeProvider clock, ILogger<RedisCircuit> log)
{
    private readonly object _gate = new();
    private DateTimeOffset? _openUntil;
    private bool _probing;
    private readonly List<Func<CancellationToken, Task>> _recovery = [];
    private int _skipped;

    /// <summary>True while Redis is taken as down (for /health).</summary>
    public bool IsOpen
    {
        get
        {
            lock (_gate)
            {
                return _openUntil is not null;
            }
        }
    }

    /// <summary>The per-call deadline: a Redis that does not answer within it is taken as down.</summary>
    public TimeSpan OperationTimeout => TimeSpan.FromMilliseconds(options.Value.OperationTimeoutMilliseconds);

    public static bool IsRedisFailure(Exception ex) =>
        ex is RedisException or TimeoutException or SocketException or ObjectDisposedException or OperationCanceledException
        || (ex is AggregateException aggregate && aggregate.InnerExceptions.Any(IsRedisFailure));

    /// <summary>Work that must succeed before Redis is used again after an outage (dropping what may be stale).</summary>
    public void OnRecovery(Func<CancellationToken, Task> work)
    {
        lock (_gate)
        {
            _recovery.Add(work);
        }
    }

    /// <summary>
    /// Whether to call Redis now: at once while closed; while open, no until the retry time, then one caller
    /// probes: the recovery work runs against Redis, and only when it succeeds is the circuit closed and the call made.
    /// </summary>
    public async ValueTask<bool> AvailableAsync()
    {
        bool probe;
        lock (_gate)
        {
            if (_openUntil is null)
            {
                return true;
            }

            probe = !_probing && clock.GetUtcNow() >= _openUntil;
            _probing |= probe;
        }

        if (!probe)
        {
            Interlocked.Increment(ref _skipped);
            return false;
        }

        try
        {
            List<Func<CancellationToken, Task>> recovery;
            lock (_gate)
            {
                recovery = [.. _recovery];
            }

            using var deadline = new CancellationTokenSource(OperationTimeout * 10);
            foreach (var work in recovery)
            {
                await work(deadline.Token).WaitAsync(deadline.Token);
            }
        }
        catch (Exception ex) when (IsRedisFailure(ex))
        {
            lock (_gate)
            {
                _probing = false;
                _openUntil = clock.GetUtcNow().AddSeconds(options.Value.RetrySeconds);
            }

            return false;
        }

        lock (_gate)
        {
            _openUntil = null;
            _probing = false;
        }

        log.LogWarning("Redis answers again; every reader page cached in it was dropped. {Skipped} calls went without Redis meanwhile",
            Interlocked.Exchange(ref _skipped, 0));
        return true;
    }

    /// <summary>A call failed: open the circuit (or keep it open) for the retry period. Logged once per outage.</summary>
    public void Failed(Exception ex)
    {
        bool opened;
        lock (_gate)
        {
            opened = _openUntil is null;
            _openUntil ??= clock.GetUtcNow().AddSeconds(options.Value.RetrySeconds);
        }

        if (opened)
        {
            log.LogError("Redis does not answer ({Error}); serving without the shared cache and key ring copy in Redis, trying again every {Seconds} s",
                ex.Message, options.Value.RetrySeconds);
        }
    }
}
