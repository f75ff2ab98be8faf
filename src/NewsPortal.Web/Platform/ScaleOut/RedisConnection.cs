using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace NewsPortal.Web.Platform.ScaleOut;

/// <summary>
/// The one Redis connection an instance keeps, shared by the output cache and the key ring. It connects on
/// first use and keeps retrying in the background, so an instance starts even while Redis is still coming up.
/// </summary>
public sealed class RedisConnection(IOptions<RedisOptions> options) : IAsyncDisposable
{
    private readonly Lazy<Task<IConnectionMultiplexer>> _connection = new(async () =>
    {
        var config = ConfigurationOptions.Parse(options.Value.Configuration!);
        config.AbortOnConnectFail = false;

        // A Redis that is down must cost callers nothing: commands fail at once while the connection is lost
        // instead of queueing. Output-cache calls have their own short deadline (FailSoftOutputCacheStore); the
        // key ring, read rarely, keeps the client's usual timeouts.
        config.BacklogPolicy = BacklogPolicy.FailFast;

        return await ConnectionMultiplexer.ConnectAsync(config);
    });

    public Task<IConnectionMultiplexer> ConnectAsync() => _connection.Value;

    public IDatabase Database => _connection.Value.GetAwaiter().GetResult().GetDatabase();

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated)
        {
            await (await _connection.Value).DisposeAsync();
        }
    }
}
