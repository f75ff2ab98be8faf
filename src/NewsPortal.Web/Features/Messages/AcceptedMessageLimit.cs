using System.Threading.RateLimiting;

namespace NewsPortal.Web.Features.Messages;

/// <summary>
/// The per-client limit on messages: only messages that are accepted (stored) count, so a reader correcting a
/// mistake, or readers behind one office or carrier address, are not refused for others' failed attempts.
/// <paramref name="permits"/> accepted messages per client address in each <paramref name="window"/> (from
/// "Messages:RateLimit": 60 an hour by default, so 50 readers behind one address can each leave a message in an
/// hour). Kept in memory, per instance. Posts of the form as such are held to five times that by the site's rate
/// limiter.
/// </summary>
public sealed class AcceptedMessageLimit(int permits, TimeSpan window) : IDisposable
{
    public const int DefaultPermits = 60;
    public const int DefaultWindowSeconds = 3600;

    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));

    /// <summary>Takes one of the client's permits; when none is left, how long until the window ends.</summary>
    public (bool Allowed, TimeSpan? RetryAfter) TryTake(HttpContext context)
    {
        using var lease = _limiter.AttemptAcquire(context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        if (lease.IsAcquired)
        {
            return (true, null);
        }

        return (false, lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : null);
    }

    public void Dispose() => _limiter.Dispose();
}
