using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NewsPortal.Core.Data.Changes;

/// <summary>
/// The one place that keeps derived state in step with content. Before a save, it reads from the change
/// tracker what the save changes of what readers see; after the save it moves <see cref="ContentVersion"/>
/// on (one atomic UPDATE, inside the save's transaction when it has one, so a reader never sees the new
/// version before the new rows); after the commit it tells every <see cref="IContentChangeObserver"/>.
/// A save inside an explicit transaction is reported when that transaction commits, and not at all when
/// it rolls back. Whatever saves (a page, a background service, a command) needs to do nothing more.
/// </summary>
public sealed class ContentChangeInterceptor(IEnumerable<IContentChangeObserver> observers, ContentVersionClock clock)
    : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly IContentChangeObserver[] _observers = [.. observers];
    private readonly ConditionalWeakTable<DbContext, ContentChangeCollector> _saving = new();
    private readonly ConditionalWeakTable<DbContext, Uncommitted> _uncommitted = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (Collect(eventData.Context) is { } saving)
        {
            if (saving.Collector.ArticlesToFollow.Count > 0)
            {
                saving.Collector.AddListings(saving.Query.ToList());
            }
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Collect(eventData.Context) is { } saving)
        {
            if (saving.Collector.ArticlesToFollow.Count > 0)
            {
                saving.Collector.AddListings(await saving.Query.ToListAsync(cancellationToken));
            }
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Take(eventData.Context) is { } saved)
        {
            var version = ContentVersion.MoveOn(saved.Db);
            AfterSaveAsync(saved.Db, saved.Collector, version, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context) is { } saved)
        {
            var version = await ContentVersion.MoveOnAsync(saved.Db, cancellationToken);
            await AfterSaveAsync(saved.Db, saved.Collector, version, cancellationToken);
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

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (TakeUncommitted(eventData.Context) is { } pending)
        {
            ReportAsync(pending.Collector.Complete(pending.Version), CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (TakeUncommitted(eventData.Context) is { } pending)
        {
            await ReportAsync(pending.Collector.Complete(pending.Version), cancellationToken);
        }
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => TakeUncommitted(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TakeUncommitted(eventData.Context);
        return Task.CompletedTask;
    }

    private (ContentChangeCollector Collector, IQueryable<ArticleListings> Query)? Collect(DbContext? context)
    {
        if (context is not NewsDbContext db)
        {
            return null;
        }

        var collector = ContentChangeCollector.Read(db.ChangeTracker);
        if (!collector.Any)
        {
            return null;
        }

        _saving.AddOrUpdate(db, collector);
        var ids = collector.ArticlesToFollow.ToList();
        var before = db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new ArticleListings(a.SectionId, a.Tags.Select(t => t.Id).ToList(), a.Authors.Select(x => x.Id).ToList()));
        return (collector, before);
    }

    private (NewsDbContext Db, ContentChangeCollector Collector)? Take(DbContext? context) =>
        context is NewsDbContext db && _saving.TryGetValue(db, out var collector) && _saving.Remove(db) ? (db, collector) : null;

    private async Task AfterSaveAsync(NewsDbContext db, ContentChangeCollector collector, long version, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            await ReportAsync(collector.Complete(version), ct);
            return;
        }

        // Inside a transaction: report when (and only if) it commits.
        if (_uncommitted.TryGetValue(db, out var earlier))
        {
            earlier.Collector.Merge(collector);
            earlier.Version = version;
        }
        else
        {
            _uncommitted.AddOrUpdate(db, new Uncommitted(collector, version));
        }
    }

    private Uncommitted? TakeUncommitted(DbContext? context) =>
        context is not null && _uncommitted.TryGetValue(context, out var pending) && _uncommitted.Remove(context) ? pending : null;

    private async Task ReportAsync(ContentChange change, CancellationToken ct)
    {
        clock.NoteOwn(change.Version);
        foreach (var observer in _observers)
        {
            await observer.ContentChangedAsync(change, ct);
        }
    }

    private sealed class Uncommitted(ContentChangeCollector collector, long version)
    {
        public ContentChangeCollector Collector { get; } = collector;

        public long Version { get; set; } = version;
    }
}
