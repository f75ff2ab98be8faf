using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Core.Search;
using NewsPortal.Web.Platform.Data;

namespace NewsPortal.Web.Features.Search;

public static class SearchSetup
{
    /// <summary>Registers the search of the configured database provider and keeps its index in step with the articles.</summary>
    public static IServiceCollection AddSearch(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = (configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions()).Provider;
        switch (provider)
        {
            case "Sqlite":
                services.AddSingleton<SearchIndexInterceptor>();
                services.ConfigureDbContext<NewsDbContext>((sp, db) => db.AddInterceptors(sp.GetRequiredService<SearchIndexInterceptor>()));
                services.AddScoped<IArticleSearch, SqliteArticleSearch>();
                services.AddScoped<ISearchIndexMaintenance, SqliteSearchIndexMaintenance>();
                services.AddHostedService<SearchIndexStartup>();
                break;
            case "Postgres":
                // Full-text and trigram indexes are kept by PostgreSQL itself (a stored generated column).
                services.AddScoped<IArticleSearch, PostgresArticleSearch>();
                break;
            default:
                throw new InvalidOperationException($"No article search is available for the database provider '{provider}'.");
        }

        return services;
    }
}

/// <summary>Rebuilds the provider's search index: the "search rebuild" command and start-up use it.</summary>
public interface ISearchIndexMaintenance
{
    Task<bool> NeedsRebuildAsync(CancellationToken ct = default);

    Task<int> RebuildAsync(IProgress<int>? progress = null, CancellationToken ct = default);
}

internal sealed class SqliteSearchIndexMaintenance(NewsDbContext db) : ISearchIndexMaintenance
{
    public Task<bool> NeedsRebuildAsync(CancellationToken ct = default) => SqliteSearchIndex.NeedsRebuildAsync(db, ct);

    public Task<int> RebuildAsync(IProgress<int>? progress = null, CancellationToken ct = default) => SqliteSearchIndex.RebuildAsync(db, progress, ct);
}

/// <summary>
/// Indexes the articles of a database created before search existed (the index is empty but articles are
/// not); new articles are indexed as they are saved.
/// </summary>
internal sealed class SearchIndexStartup(IServiceScopeFactory scopes, ILogger<SearchIndexStartup> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var index = scope.ServiceProvider.GetRequiredService<ISearchIndexMaintenance>();
        if (await index.NeedsRebuildAsync(cancellationToken))
        {
            var count = await index.RebuildAsync(ct: cancellationToken);
            log.LogInformation("Search index built for {Count} articles", count);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
