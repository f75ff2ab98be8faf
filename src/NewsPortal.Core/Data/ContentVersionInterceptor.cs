using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NewsPortal.Core.Articles;

namespace NewsPortal.Core.Data;

/// <summary>
/// Moves <see cref="ContentVersion"/> on after every save that touches articles, their tags, authors or
/// sections. The step is one atomic UPDATE, run after the rows are written: inside the save's transaction
/// when it has one, otherwise just after its commit. Either way a reader never sees the new version
/// before the new rows, so a copy built at a version reflects at least that version's content.
/// </summary>
public sealed class ContentVersionInterceptor : SaveChangesInterceptor
{
    private static readonly string Step =
        $"UPDATE \"ContentVersions\" SET \"Value\" = \"Value\" + 1 WHERE \"Id\" = {ContentVersion.SingletonId}";

    private static readonly HashSet<string> JoinTables = ["ArticleTags", "ArticleAuthors"];

    private static readonly Type[] ListingTypes = [typeof(Article), typeof(Section), typeof(Tag), typeof(Author)];

    private static readonly object Marker = new();

    private readonly ConditionalWeakTable<DbContext, object> _touched = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Mark(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Mark(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Take(eventData.Context) is { } db)
        {
            db.Database.ExecuteSqlRaw(Step);
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context) is { } db)
        {
            await db.Database.ExecuteSqlRawAsync(Step, cancellationToken);
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Take(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Take(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Take(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Take(eventData.Context);
        return Task.CompletedTask;
    }

    private void Mark(DbContext? context)
    {
        if (context is NewsDbContext && context.ChangeTracker.Entries().Any(e =>
                e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && (JoinTables.Contains(e.Metadata.Name) || ListingTypes.Contains(e.Metadata.ClrType))))
        {
            _touched.AddOrUpdate(context, Marker);
        }
    }

    private NewsDbContext? Take(DbContext? context) =>
        context is NewsDbContext db && _touched.Remove(context) ? db : null;
}
