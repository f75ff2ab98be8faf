using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NewsPortal.Core.Activity;
using NewsPortal.Core.Data;

namespace NewsPortal.Core.Articles.Editing;

/// <summary>
/// Publishes scheduled articles whose time has come. Every instance of the portal runs this; each due
/// article is published by exactly one of them.
/// </summary>
public sealed class ScheduledPublishing(NewsDbContext db, ActivityLog activity, TimeProvider clock, ILogger<ScheduledPublishing> log)
{
    /// <summary>Publishes every scheduled article whose time has come, keeping its scheduled time; returns the ids this call published.</summary>
    public async Task<IReadOnlyList<int>> PublishDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Articles.Where(a => a.Status == ArticleStatus.Scheduled && a.PublishedAt <= now).ToListAsync(ct);
        var published = new List<int>(due.Count);
        foreach (var article in due)
        {
            if (await ClaimAndPublishAsync(article, now, ct))
            {
                published.Add(article.Id);
                log.LogInformation("Scheduled article {ArticleId} published (due {Due:o})", article.Id, article.PublishedAt);
            }
            else
            {
                // Another instance published it (or an editor changed it) since it was read.
                db.Entry(article).State = EntityState.Detached;
            }
        }

        return published;
    }

    /// <summary>
    /// Claims the article with an UPDATE that matches only while it is still scheduled and due, then saves the change
    /// through the context (so every save interceptor sees it) in the same transaction. A second instance's
    /// claim waits on the first one's row lock and, once that commits, matches nothing.
    /// </summary>
    private async Task<bool> ClaimAndPublishAsync(Article article, DateTime now, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.Articles
            .Where(a => a.Id == article.Id && a.Status == ArticleStatus.Scheduled && a.PublishedAt <= now)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.Status, ArticleStatus.Published), ct);
        if (claimed == 0)
        {
            return false;
        }

        article.Status = ArticleStatus.Published;
        activity.AddBySite(ActivityActions.Published, article.Headline, article.Id, "at its scheduled time");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }
}
