using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;

namespace NewsPortal.Core.Review;

/// <summary>
/// Who has an article's form open. Opening the form (and the page's heartbeat while it stays open) renews the
/// person's lease; others see the names whose lease is still fresh. Nothing is ever locked: a lease simply runs
/// out when its page is closed.
/// </summary>
public sealed class EditingPresence(NewsDbContext db, TimeProvider clock)
{
    /// <summary>How long a lease is trusted after its last renewal.</summary>
    public static readonly TimeSpan LeaseLength = TimeSpan.FromMinutes(2);

    /// <summary>How often an open form renews its lease.</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(45);

    /// <summary>Renews <paramref name="actor"/>'s lease on the article; returns the others editing it now, by name.</summary>
    public async Task<IReadOnlyList<string>> RenewAsync(int articleId, StaffActor actor, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var fresh = now - LeaseLength;
        var leases = await db.EditingLeases.Where(l => l.ArticleId == articleId).ToListAsync(ct);
        var mine = leases.FirstOrDefault(l => l.UserId == actor.Id);
        if (mine is null)
        {
            db.EditingLeases.Add(new EditingLease { ArticleId = articleId, UserId = actor.Id, UserName = actor.Name, RenewedAt = now });
        }
        else
        {
            mine.RenewedAt = now;
        }

        db.EditingLeases.RemoveRange(leases.Where(l => l.RenewedAt < now - (LeaseLength * 10)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same person opened the article twice at the same moment: one lease is enough.
            db.ChangeTracker.Clear();
        }

        return leases.Where(l => l.UserId != actor.Id && l.RenewedAt >= fresh).Select(l => l.UserName).Order(StringComparer.OrdinalIgnoreCase).ToList();
    }
}
