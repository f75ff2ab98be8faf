using NewsPortal.Core.Data;
using NewsPortal.Core.Data.Changes;

namespace NewsPortal.Web.Platform.Caching;

/// <summary>
/// Tells every instance that content changed in a way no save reported: a fix made in SQL, a restored
/// backup, a rebuilt search index. It moves the content version on, which every instance notices within a
/// second, and drops what this process derived (through the shared cache, when there is one). The
/// <c>content changed</c> command runs it.
/// </summary>
public sealed class ContentAnnouncement(NewsDbContext db, IEnumerable<IContentChangeObserver> observers, ContentVersionClock clock)
{
    public async Task<long> AnnounceAsync(CancellationToken ct)
    {
        var version = await ContentVersion.MoveOnAsync(db, ct);
        clock.NoteOwn(version);
        foreach (var observer in observers)
        {
            await observer.ContentChangedAsync(ContentChange.All(version), ct);
        }

        return version;
    }
}
