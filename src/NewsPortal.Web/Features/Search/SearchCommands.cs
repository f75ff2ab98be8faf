using NewsPortal.Web.Platform.Caching;

namespace NewsPortal.Web.Features.Search;

/// <summary>
/// <c>dotnet run --project src/NewsPortal.Web -- search rebuild</c>: indexes every article again, then tells every
/// instance, so no cached search page keeps the old results.
/// </summary>
public static class SearchCommands
{
    public static async Task<int> RebuildAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        if (scope.ServiceProvider.GetService<ISearchIndexMaintenance>() is not { } index)
        {
            Console.WriteLine("This database keeps its search index itself; there is nothing to rebuild.");
            return 0;
        }

        var count = await index.RebuildAsync(new Progress<int>(n => Console.Write($"\rIndexed {n} articles")));
        Console.WriteLine($"\rSearch index rebuilt: {count} articles.");
        await scope.ServiceProvider.GetRequiredService<ContentAnnouncement>().AnnounceAsync(CancellationToken.None);
        return 0;
    }
}
