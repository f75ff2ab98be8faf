using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NewsPortal.Core.Data;

namespace NewsPortal.Core.Articles.Editing;

/// <summary>Publishes scheduled articles whose time has come.</summary>
public sealed class ScheduledPublishing(NewsDbContext db, TimeProvider clock, ILogger<ScheduledPublishing> log)
{
    /// <summary>Flips every due scheduled article to published, keeping its scheduled time. Returns how many.</summary>
    /// <summary>Publishes every scheduled article whose time has come; returns their ids.</summary>
    public async Task<IReadOnlyList<int>> PublishDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Articles.Where(a => a.Status == ArticleStatus.Scheduled && a.PublishedAt <= now).ToListAsync(ct);
        foreach (var article in due)
        {
            article.Status = ArticleStatus.Published;
            log.LogInformation("Scheduled article {ArticleId} published (due {Due:o})", article.Id, article.PublishedAt);
        }

        if (due.Count > 0)
        {
            await db.SaveChangesAsync(ct);
        }

        return due.Select(a => a.Id).ToList();
    }
}
