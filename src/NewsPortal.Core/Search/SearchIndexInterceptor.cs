using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Data;

namespace NewsPortal.Core.Search;

/// <summary>
/// Keeps the SQLite search index in step with Articles on every save that goes through EF Core (seeding,
/// the staff editor, imports). The index rows are written in the same transaction as the articles: when
/// the save has no transaction of its own, one is opened before it and committed after the index is
/// written, so a reader never finds an article whose text the index does not know, or the reverse.
/// Changes that bypass SaveChanges (ExecuteUpdate/ExecuteDelete on text) need the "search rebuild" command.
/// </summary>
public sealed class SearchIndexInterceptor : SaveChangesInterceptor
{
    private static readonly string[] IndexedProperties = [nameof(Article.Headline), nameof(Article.Standfirst), nameof(Article.BodyText)];

    private readonly ConditionalWeakTable<DbContext, Pending> _pending = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (Collect(eventData.Context) is { } pending)
        {
            pending.OwnTransaction = eventData.Context!.Database.CurrentTransaction is null ? eventData.Context.Database.BeginTransaction() : null;
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Collect(eventData.Context) is { } pending)
        {
            pending.OwnTransaction = eventData.Context!.Database.CurrentTransaction is null
                ? await eventData.Context.Database.BeginTransactionAsync(cancellationToken)
                : null;
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        WriteAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await WriteAsync(eventData.Context, cancellationToken);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) =>
        AbandonAsync(eventData.Context).GetAwaiter().GetResult();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        AbandonAsync(eventData.Context);

    public override void SaveChangesCanceled(DbContextEventData eventData) =>
        AbandonAsync(eventData.Context).GetAwaiter().GetResult();

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
        AbandonAsync(eventData.Context);

    private Pending? Collect(DbContext? context)
    {
        if (context is not NewsDbContext)
        {
            return null;
        }

        var pending = new Pending();
        foreach (var entry in context.ChangeTracker.Entries<Article>())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    pending.Upserts.Add(entry.Entity);
                    break;
                case EntityState.Modified when IndexedProperties.Any(p => entry.Property(p).IsModified):
                    pending.Upserts.Add(entry.Entity);
                    break;
                case EntityState.Deleted:
                    pending.Removals.Add(entry.Entity.Id);
                    break;
            }
        }

        if (pending.Upserts.Count == 0 && pending.Removals.Count == 0)
        {
            return null;
        }

        _pending.AddOrUpdate(context, pending);
        return pending;
    }

    private async Task WriteAsync(DbContext? context, CancellationToken ct)
    {
        if (context is not NewsDbContext db || !_pending.TryGetValue(context, out var pending))
        {
            return;
        }

        _pending.Remove(context);
        try
        {
            await SqliteSearchIndex.RemoveAsync(db, pending.Removals, ct);
            await SqliteSearchIndex.UpsertAsync(db, pending.Upserts, ct);
            if (pending.OwnTransaction is { } own)
            {
                await own.CommitAsync(ct);
            }
        }
        finally
        {
            if (pending.OwnTransaction is { } own)
            {
                await own.DisposeAsync();
            }
        }
    }

    private async Task AbandonAsync(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending))
        {
            return;
        }

        _pending.Remove(context);
        if (pending.OwnTransaction is { } own)
        {
            await own.RollbackAsync();
            await own.DisposeAsync();
        }
    }

    private sealed class Pending
    {
        public List<Article> Upserts { get; } = [];
        public List<int> Removals { get; } = [];
        public IDbContextTransaction? OwnTransaction { get; set; }
    }
}
