using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using NewsPortal.Core.Data;

namespace NewsPortal.IntegrationTests.Infrastructure;

/// <summary>
/// The real portal over a real database, with a clock the tests control: a fresh SQLite file, or a fresh
/// PostgreSQL database when NEWSPORTAL_TEST_PROVIDER=Postgres (see <see cref="TestDatabases"/>).
/// One factory per test class (IClassFixture), so classes never see each other's data.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "newsportal-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Starts at the real current time so demo content is in the past; tests advance it.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public string DataFolder => _folder;

    /// <summary>"Sqlite" or "Postgres": from NEWSPORTAL_TEST_PROVIDER, unless a derived factory needs one of them.</summary>
    public virtual string Provider => TestDatabases.Provider;

    /// <summary>The SQLite file (SQLite runs only).</summary>
    public string DatabasePath => Path.Combine(_folder, "portal.db");

    private string? _postgres;

    /// <summary>Extra configuration a derived factory wants (key, value).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings() => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        builder.UseEnvironment("Testing");
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = Provider,
            ["Database:ConnectionString"] = Provider == "Postgres"
                ? _postgres ??= TestDatabases.CreatePostgres()
                : $"Data Source={DatabasePath}",
            ["DataProtection:KeysFolder"] = Path.Combine(_folder, "keys"),
            ["Serilog:WriteTo:0:Name"] = "Console",
            ["Serilog:WriteTo:1:Args:path"] = Path.Combine(_folder, "logs", "portal-.log"),
            ["Serilog:MinimumLevel:Default"] = "Warning",
            // The test clock stands still while a test fills in a form; the fill-time check has tests of its own.
            ["Messages:MinimumFillSeconds"] = "0",
        };
        foreach (var (key, value) in Settings())
        {
            settings[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see each answer.</summary>
    public HttpClient CreateBrowserClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = new Uri("http://localhost"),
    });

    /// <summary>Runs <paramref name="work"/> against the portal's database in its own scope.</summary>
    public async Task<T> WithDbAsync<T>(Func<NewsDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<NewsDbContext>());
    }

    public async Task WithDbAsync(Func<NewsDbContext, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<NewsDbContext>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (_postgres is not null)
            {
                TestDatabases.DropPostgres(_postgres);
            }

            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open is removed with the temp folder later.
            }
        }
    }
}
