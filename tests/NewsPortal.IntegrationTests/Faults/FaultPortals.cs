using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Articles;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.IntegrationTests.ScaleOut;
using NewsPortal.Web.Features.Staff;

namespace NewsPortal.IntegrationTests.Faults;

/// <summary>Instances of the portal on real Kestrel for fault tests, and what their users do.</summary>
public static class FaultPortals
{
    /// <summary>
    /// Settings for an instance on the run's database (a fresh PostgreSQL database, or a SQLite file in
    /// <paramref name="folder"/>), with Redis at <paramref name="redis"/> when given.
    /// </summary>
    public static Dictionary<string, string?> Settings(string folder, string? redis, string? postgres)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = postgres is null ? "Sqlite" : "Postgres",
            ["Database:ConnectionString"] = postgres ?? $"Data Source={Path.Combine(folder, "portal.db")}",
            ["DataProtection:KeysFolder"] = Path.Combine(folder, "keys"),
            ["Media:Folder"] = Path.Combine(folder, "media"),
            ["Redis:RetrySeconds"] = "1",
            ["Logging:RepeatedFailureSeconds"] = "2",
            ["Serilog:WriteTo:1:Args:path"] = Path.Combine(folder, "logs", "portal-.log"),
        };
        if (redis is not null)
        {
            settings["Redis:Configuration"] = redis;
            settings["Redis:InstanceName"] = $"np-fault-{Guid.NewGuid():N}:";
        }

        return settings;
    }

    public static PortalInstance Start(IReadOnlyDictionary<string, string?> settings)
    {
        var instance = new PortalInstance(settings);
        instance.Start();
        return instance;
    }

    /// <summary>A client that gives up after a few seconds: a page held up by a Redis timeout fails the test.</summary>
    public static HttpClient Impatient(PortalInstance instance, CookieContainer? cookies = null)
    {
        var client = instance.Client(cookies ?? new CookieContainer());
        client.Timeout = TimeSpan.FromSeconds(4);
        return client;
    }

    /// <summary>Creates an editor account and signs in through the form; the client keeps the session cookie.</summary>
    public static async Task<string> SignInEditorAsync(PortalInstance instance, HttpClient client)
    {
        var email = $"editor-{Guid.NewGuid():N}@newsportal.test";
        var errors = await instance.WithDbAsync((_, services) => StaffAccounts.CreateAsync(services, email, "Fault Editor", "Editor", Staff.Password));
        Assert.Empty(errors);
        Html.AssertStatus(await Staff.SignInAsync(client, email), HttpStatusCode.Redirect);
        return email;
    }

    public static Task<(int Id, string Slug)> PublishedArticleAsync(PortalInstance instance) =>
        instance.WithDbAsync(async (db, _) => await db.Articles.Where(a => a.Status == ArticleStatus.Published)
            .OrderByDescending(a => a.PublishedAt).Select(a => new ValueTuple<int, string>(a.Id, a.Slug)).FirstAsync());

    /// <summary>Asks /health until it answers <paramref name="expected"/> (a bounded number of times); returns the last answer.</summary>
    public static async Task<string> HealthAsync(HttpClient client, string expected)
    {
        var answer = "";
        for (var i = 0; i < 100 && answer != expected; i++)
        {
            if (i > 0)
            {
                await Task.Delay(100);
            }

            answer = await (await client.GetAsync("health")).Content.ReadAsStringAsync();
        }

        return answer;
    }
}
