using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using NewsPortal.Core.Data;
using NewsPortal.Core.Data.Changes;
using NewsPortal.Core.Seeding;
using NewsPortal.Web.Features.Staff;
using NewsPortal.Web.Platform.Data;
using Npgsql;

namespace NewsPortal.Web.Setup;

public static class Database
{
    public const string SqliteMigrationsAssembly = "NewsPortal.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "NewsPortal.Migrations.Postgres";

    public static IServiceCollection AddNewsDatabase(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();

        // Pooled: a request borrows a context whose options and services are already built, and returns it reset.
        services.AddSingleton<ContentVersionClock>();
        services.AddSingleton<ContentChangeInterceptor>();
        services.AddDbContextPool<NewsDbContext>((provider, db) =>
        {
            switch (options.Provider)
            {
                case "Sqlite":
                    db.UseSqlite(SqliteConnectionString(options.ConnectionString, environment.ContentRootPath),
                        sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly));
                    db.AddInterceptors(new SqlitePragmas(), provider.GetRequiredService<ContentChangeInterceptor>());
                    break;
                case "Postgres":
                    db.UseNpgsql(PostgresConnectionString(options.ConnectionString), npgsql => npgsql.MigrationsAssembly(PostgresMigrationsAssembly));
                    db.AddInterceptors(provider.GetRequiredService<ContentChangeInterceptor>());
                    break;
                default:
                    throw new InvalidOperationException($"Database provider '{options.Provider}' is not available in this build.");
            }
        });

        return services;
    }

    /// <summary>Statements Npgsql keeps prepared per connection unless the connection string says otherwise.</summary>
    public const int PostgresAutoPrepared = 64;

    /// <summary>
    /// Lets Npgsql prepare the statements a connection runs often (reader pages run the same few again and
    /// again), so PostgreSQL plans each once per connection instead of on every page: this doubled the
    /// uncached article page on PostgreSQL in the benchmark. A "Max Auto Prepare" in the configured
    /// connection string wins (0 turns it off, e.g. behind a pooler that does not keep prepared statements).
    /// </summary>
    public static string PostgresConnectionString(string connectionString)
    {
        // Npgsql's own builder reports every keyword it knows as present, so read what was written.
        var written = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (written.Keys.Cast<string>().Any(k => k.Replace(" ", "", StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
        {
            return connectionString;
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = PostgresAutoPrepared }.ConnectionString;
    }

    /// <summary>Resolves a relative SQLite file against the content root and makes sure its folder exists.</summary>
    public static string SqliteConnectionString(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } source && source != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var path = Path.IsPathRooted(source) ? source : Path.GetFullPath(Path.Combine(contentRoot, source));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }

        builder.Pooling = true;
        return builder.ToString();
    }

    /// <summary>
    /// Migrates, creates the staff roles and seeds demo content, as configured. On PostgreSQL, where several
    /// instances may start at once, all of it runs under one database-wide lock, so the first instance does
    /// the work and the others find it done.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        try
        {
            await PrepareAsync(app);
        }
        catch (Exception ex) when (SqliteFiles.IsNotWritable(ex))
        {
            // Say which files must be writable: a failed start can leave a read-only -shm behind.
            throw new InvalidOperationException(SqliteFiles.Explain(app.Services), ex);
        }
    }

    private static async Task PrepareAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var log = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("NewsPortal.Database");

        if (options.MigrateOnStartup)
        {
            await EnsureCreatedDatabaseAsync(db);
        }

        await using (await StartUpLock.AcquireAsync(db))
        {
            if (options.MigrateOnStartup)
            {
                await MigrateQuietlyAsync(db);
            }

            if (options.Provider == "Sqlite")
            {
                await SqlitePragmas.EnableWalAsync(db);
            }

            await StaffAccounts.EnsureRolesAsync(scope.ServiceProvider);

            if (options.SeedDemoContent)
            {
                var added = await scope.ServiceProvider.GetRequiredService<DemoContentSeeder>().SeedAsync();
                if (added > 0)
                {
                    log.LogInformation("Seeded {Count} demo articles into an empty database", added);
                }
            }

            // Without demo content (or after it), the footer's policy pages exist from the first start.
            if (await scope.ServiceProvider.GetRequiredService<StarterPolicies>().SeedAsync() > 0)
            {
                log.LogInformation("Added starter policy pages; replace their text at /staff/policies before going live");
            }
        }
    }

    /// <summary>Applies pending migrations (the <c>migrate</c> command), under the same lock as start-up.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        await EnsureCreatedDatabaseAsync(db);
        await using (await StartUpLock.AcquireAsync(db))
        {
            await MigrateQuietlyAsync(db);
        }
    }

    /// <summary>
    /// Applies pending migrations. The history table is created first when it is missing, because on a fresh
    /// PostgreSQL database EF Core otherwise reads it before creating it, and logs that expected failure as an
    /// error ("Failed executing DbCommand ... __EFMigrationsHistory") that alarms whoever reads the log.
    /// </summary>
    private static async Task MigrateQuietlyAsync(NewsDbContext db)
    {
        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync();
        await db.Database.MigrateAsync();
    }

    /// <summary>
    /// The lock needs a connection to the database, so a PostgreSQL database that does not exist yet is
    /// created first (empty; the migrations fill it). Two instances creating it at once is harmless.
    /// </summary>
    private static async Task EnsureCreatedDatabaseAsync(NewsDbContext db)
    {
        if (!db.Database.IsNpgsql())
        {
            return;
        }

        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync())
        {
            return;
        }

        try
        {
            await creator.CreateAsync();
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another instance created it first.
        }
    }
}
