using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace NewsPortal.Core.Data.Changes;

/// <summary>
/// Tells this process's saves from everyone else's. Every save that changes what readers see moves
/// <see cref="ContentVersion"/> on by one; the versions this process produced are noted here, so a version
/// step that is not among them was made elsewhere: another instance, a command, a restore, or a fix made
/// in SQL (followed by <c>content changed</c>, which moves the version on).
/// </summary>
public sealed class ContentVersionClock
{
    private readonly ConcurrentDictionary<long, byte> _own = new();
    private long _seen = -1;

    /// <summary>The last version <see cref="CheckAsync"/> saw, or -1 before the first check.</summary>
    public long Seen => Interlocked.Read(ref _seen);

    /// <summary>Notes a version this process's own save produced.</summary>
    public void NoteOwn(long version) => _own.TryAdd(version, 0);

    /// <summary>
    /// Reads the database's version; returns a change of unknown reach when it moved on through a save
    /// this process did not make, else null. The first call only records where the version stands.
    /// </summary>
    public async Task<ContentChange?> CheckAsync(NewsDbContext db, CancellationToken ct)
    {
        var current = await db.ContentVersions.AsNoTracking()
            .Where(v => v.Id == ContentVersion.SingletonId).Select(v => (long?)v.Value).FirstOrDefaultAsync(ct) ?? 0;
        var seen = Interlocked.Exchange(ref _seen, current);
        if (seen < 0 || current == seen)
        {
            Forget(current);
            return null;
        }

        // Moved backwards (a restore) or by steps this process did not make: someone else changed content.
        var foreign = current < seen;
        for (var v = seen + 1; !foreign && v <= current; v++)
        {
            foreign = !_own.ContainsKey(v);
        }

        Forget(current);
        return foreign ? ContentChange.All(current) with { FromElsewhere = true } : null;
    }

    private void Forget(long upTo)
    {
        foreach (var v in _own.Keys)
        {
            if (v <= upTo)
            {
                _own.TryRemove(v, out _);
            }
        }
    }
}
