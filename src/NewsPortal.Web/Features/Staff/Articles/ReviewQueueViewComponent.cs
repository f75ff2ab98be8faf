using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Data;
using NewsPortal.Core.Review;
using NewsPortal.Web.Platform.Security;

namespace NewsPortal.Web.Features.Staff.Articles;

/// <summary>A draft in the review queue, or one of a reporter's own drafts, with its latest comment.</summary>
public sealed record QueuedDraft(int Id, string Headline, ReviewState State, string Owner, DateTime Updated, string? LastComment);

/// <summary>What the dashboard lists for review: for editors, the drafts waiting; for reporters, their own drafts.</summary>
public sealed record ReviewQueue(bool ForEditors, IReadOnlyList<QueuedDraft> Drafts);

/// <summary>The dashboard's review queue (editors and administrators) or "your drafts" (reporters).</summary>
public sealed class ReviewQueueViewComponent(NewsDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var actor = UserClaimsPrincipal.Actor();
        var query = from r in db.ArticleReviews.AsNoTracking()
                    join a in db.Articles.AsNoTracking() on r.ArticleId equals a.Id
                    where a.Status == ArticleStatus.Draft
                    select new { r, a.Headline };
        query = actor.CanPublish ? query.Where(x => x.r.State == ReviewState.Submitted) : query.Where(x => x.r.OwnerId == actor.Id);
        var rows = await query.OrderBy(x => x.r.SubmittedAt).ThenBy(x => x.r.ArticleId).Take(100).ToListAsync(HttpContext.RequestAborted);
        var ids = rows.Select(x => x.r.ArticleId).ToList();
        var comments = (await db.ReviewComments.AsNoTracking().Where(c => ids.Contains(c.ArticleId))
                .Select(c => new { c.ArticleId, c.Text, c.CreatedAt, c.Id }).ToListAsync(HttpContext.RequestAborted))
            .GroupBy(c => c.ArticleId).ToDictionary(g => g.Key, g => g.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Last().Text);
        var drafts = rows.Select(x => new QueuedDraft(x.r.ArticleId, x.Headline, x.r.State, x.r.OwnerName, x.r.SubmittedAt ?? x.r.UpdatedAt, comments.GetValueOrDefault(x.r.ArticleId))).ToList();
        return View(new ReviewQueue(actor.CanPublish, drafts));
    }
}
