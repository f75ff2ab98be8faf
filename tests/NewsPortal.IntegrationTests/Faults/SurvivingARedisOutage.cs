using System.Net;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.IntegrationTests.Newsroom;
using NewsPortal.IntegrationTests.Operations;
using StackExchange.Redis;

namespace NewsPortal.IntegrationTests.Faults;

/// <summary>
/// The portal with Redis, while a real redis-server of the test's own is stopped and started again: readers and
/// staff keep working without waiting for Redis, /health says Degraded, and nothing changed during the outage
/// is served stale from Redis afterwards. Runs on the run's database.
/// </summary>
public sealed class SurvivingARedisOutage : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("newsportal-redis-outage-").FullName;
    private readonly PrivateRedis _redis = new();
    private string? _postgres;

    public async Task InitializeAsync()
    {
        await _redis.StartAsync();
        _postgres = TestDatabases.Provider == "Postgres" ? TestDatabases.CreatePostgres() : null;
    }

    public async Task DisposeAsync()
    {
        await _redis.DisposeAsync();
        if (_postgres is not null)
        {
            TestDatabases.DropPostgres(_postgres);
        }

        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Readers_and_editors_are_served_while_Redis_is_down_and_a_withdrawal_made_meanwhile_is_not_undone_by_its_return()
    {
        var settings = FaultPortals.Settings(_folder, _redis.Configuration, _postgres);
        await using var portal = FaultPortals.Start(settings);
        var reader = FaultPortals.Impatient(portal);
        var editor = FaultPortals.Impatient(portal);
        await FaultPortals.SignInEditorAsync(portal, editor);
        var (id, slug) = await FaultPortals.PublishedArticleAsync(portal);

        Html.AssertStatus(await reader.GetAsync($"article/{slug}"), HttpStatusCode.OK);
        Html.AssertStatus(await reader.GetAsync($"article/{slug}"), HttpStatusCode.OK);
        var prefix = settings["Redis:InstanceName"]!;
        Assert.True(await CachedPagesAsync(prefix) > 0, "The article page should be cached in Redis before the outage");

        await _redis.StopAsync();

        // Every page answers before the client's 4 s patience runs out (each waited 5 s or more for Redis before).
        foreach (var address in new[] { "", $"article/{slug}", "section/city", "search?q=city", "message", "", $"article/{slug}" })
        {
            Html.AssertStatus(await reader.GetAsync(address), HttpStatusCode.OK);
        }

        Assert.Equal("Degraded: redis", await FaultPortals.HealthAsync(reader, "Degraded: redis"));
        Assert.NotNull(await PortalProcess.LeaveMessageAsync(reader, "Sent while Redis is down", CancellationToken.None));

        // The withdrawal is committed and the editor is told so, although its eviction cannot reach Redis.
        var withdrawn = await ArticleForms.PressAsync(editor, id, "unpublish");
        Html.AssertStatus(withdrawn, HttpStatusCode.Redirect);
        var (_, page) = await Html.GetAsync(editor, withdrawn.Headers.Location!.OriginalString.TrimStart('/'));
        Assert.Contains("Unpublished", page.Body!.TextContent);
        Html.AssertStatus(await reader.GetAsync($"article/{slug}"), HttpStatusCode.Gone);

        // Redis comes back with the page it cached before the withdrawal still in it.
        await _redis.StartAsync();
        Assert.True(await CachedPagesAsync(prefix) > 0, "Redis should come back with what it held before the outage");

        Assert.Equal("Healthy", await FaultPortals.HealthAsync(reader, "Healthy"));
        Html.AssertStatus(await reader.GetAsync($"article/{slug}"), HttpStatusCode.Gone);
        Html.AssertStatus(await reader.GetAsync(""), HttpStatusCode.OK);
        Html.AssertStatus(await reader.GetAsync(""), HttpStatusCode.OK);
        Assert.True(await CachedPagesAsync(prefix) > 0, "Pages are cached in Redis again after it returns");
    }

    [Fact]
    public async Task An_instance_restarted_while_Redis_is_down_serves_the_forms_and_keeps_staff_signed_in()
    {
        var settings = FaultPortals.Settings(_folder, _redis.Configuration, _postgres);
        var cookies = new CookieContainer();
        await using (var before = FaultPortals.Start(settings))
        {
            await FaultPortals.SignInEditorAsync(before, FaultPortals.Impatient(before, cookies));
            Html.AssertStatus(await FaultPortals.Impatient(before, cookies).GetAsync("staff"), HttpStatusCode.OK);
        }

        await _redis.StopAsync();
        await using var after = FaultPortals.Start(settings);
        var editor = FaultPortals.Impatient(after, cookies);
        var reader = FaultPortals.Impatient(after);

        Html.AssertStatus(await reader.GetAsync("staff/sign-in"), HttpStatusCode.OK);
        Html.AssertStatus(await reader.GetAsync("message"), HttpStatusCode.OK);
        Assert.NotNull(await PortalProcess.LeaveMessageAsync(reader, "Sent to an instance started without Redis", CancellationToken.None));
        Html.AssertStatus(await editor.GetAsync("staff"), HttpStatusCode.OK);
        Assert.Equal("Degraded: redis", await FaultPortals.HealthAsync(reader, "Degraded: redis"));

        await _redis.StartAsync();
        Assert.Equal("Healthy", await FaultPortals.HealthAsync(reader, "Healthy"));
        Html.AssertStatus(await editor.GetAsync("staff"), HttpStatusCode.OK);
    }

    private async Task<int> CachedPagesAsync(string prefix)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(_redis.Configuration);
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        var count = 0;
        await foreach (var key in server.KeysAsync(pattern: prefix + "__MSOCV_*"))
        {
            _ = key;
            count++;
        }

        return count;
    }
}
