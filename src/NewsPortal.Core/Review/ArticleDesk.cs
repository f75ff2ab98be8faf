using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NewsPortal.Core.Activity;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Articles.Editing;
using NewsPortal.Core.Data;
using NewsPortal.Core.Media;
using NewsPortal.Core.Text;

namespace NewsPortal.Core.Review;

/// <summary>What came of asking the desk for something: the save's result, or why the person may not do it.</summary>
public sealed record DeskOutcome(ArticleSaveResult Result, string? Forbidden = null)
{
    public static DeskOutcome Refuse(string reason) => new(ArticleSaveResult.Missing(), reason);
}

/// <summary>
/// The newsroom desk: every change staff make to an article through the staff pages goes through here, so that
/// who may do what (<see cref="ReviewRules"/>) is checked whatever the form said, the review record follows the
/// article, the activity log records it and the reporter is told when their draft is returned or approved.
/// </summary>
public sealed class ArticleDesk(
    NewsDbContext db, ArticleEditor editor, ActivityLog activity, ReviewNotices notices, TimeProvider clock, ILogger<ArticleDesk> log)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Why <paramref name="actor"/> may not open article <paramref name="articleId"/> (null: they may, or it does not exist).</summary>
    public async Task<string?> RefuseOpeningAsync(StaffActor actor, int? articleId, CancellationToken ct = default)
    {
        if (actor.CanPublish || articleId is not { } id)
        {
            return null;
        }

        var article = await db.Articles.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.Status }).FirstOrDefaultAsync(ct);
        if (article is null)
        {
            return null;
        }

        var owner = await db.ArticleReviews.AsNoTracking().Where(r => r.ArticleId == id).Select(r => r.OwnerId).FirstOrDefaultAsync(ct);
        return ReviewRules.RefuseEditing(actor, article.Status, owner);
    }

    public Task<ArticleReview?> ReviewAsync(int articleId, CancellationToken ct = default) =>
        db.ArticleReviews.AsNoTracking().FirstOrDefaultAsync(r => r.ArticleId == articleId, ct);

    public async Task<IReadOnlyList<ReviewComment>> CommentsAsync(int articleId, CancellationToken ct = default) =>
        await db.ReviewComments.AsNoTracking().Where(c => c.ArticleId == articleId).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).ToListAsync(ct);

    /// <summary>
    /// Saves an article for <paramref name="actor"/> and applies <paramref name="action"/>; with
    /// <paramref name="submit"/>, the draft is then sent for review.
    /// </summary>
    public async Task<DeskOutcome> SaveAsync(
        StaffActor actor, int? articleId, ArticleInput input, ArticleAction action, DateTime? scheduleAtUtc, bool submit,
        UploadedFile? cover = null, CancellationToken ct = default)
    {
        if (ReviewRules.RefuseAction(actor, action) is { } refusedAction)
        {
            log.LogWarning("Staff account {UserId} asked for {Action} without the right to", actor.Id, action);
            return DeskOutcome.Refuse(refusedAction);
        }

        if (await RefuseOpeningAsync(actor, articleId, ct) is { } refusedArticle)
        {
            log.LogWarning("Staff account {UserId} tried to change article {ArticleId} without the right to", actor.Id, articleId);
            return DeskOutcome.Refuse(refusedArticle);
        }

        var before = articleId is { } id ? await db.Articles.AsNoTracking().Where(a => a.Id == id).Select(a => (ArticleStatus?)a.Status).FirstOrDefaultAsync(ct) : null;
        var review = articleId is { } existing ? await db.ArticleReviews.FirstOrDefaultAsync(r => r.ArticleId == existing, ct) : null;
        if (submit && !ReviewRules.CanSubmit(before, review?.State))
        {
            return new DeskOutcome(ArticleSaveResult.Failed(ArticleField.Form, "Only a draft that is not already waiting for review can be submitted."));
        }

        // The review and the activity log are saved in the article's own transaction: both or neither.
        var result = await editor.SaveAsync(articleId, input, action, scheduleAtUtc, actor.Name, cover,
            (saved, token) => RecordSaveAsync(actor, articleId is null, before, review, submit, input, saved, token), ct);
        return new DeskOutcome(result);
    }

    private async Task RecordSaveAsync(
        StaffActor actor, bool created, ArticleStatus? before, ArticleReview? review, bool submit, ArticleInput input, ArticleSaveResult result, CancellationToken ct)
    {
        var now = Now;
        if (review is null && created)
        {
            review = new ArticleReview { ArticleId = result.ArticleId, OwnerId = actor.Id, OwnerName = actor.Name, State = ReviewState.Writing };
            db.ArticleReviews.Add(review);
        }

        var headline = PlainText.SingleLine(input.Headline ?? "");
        activity.Add(actor, created ? ActivityActions.Created : ActivityActions.Edited, headline, result.ArticleId, $"revision {result.RevisionNumber}");
        if (submit && review is not null)
        {
            review.State = ReviewState.Submitted;
            review.SubmittedAt = now;
            activity.Add(actor, ActivityActions.Submitted, headline, result.ArticleId);
        }

        if (result.Status != before && StatusAction(result.Status) is { } happened)
        {
            activity.Add(actor, happened, headline, result.ArticleId);
            if (review is not null && result.Status is ArticleStatus.Published or ArticleStatus.Scheduled && review.State != ReviewState.Approved)
            {
                review.State = ReviewState.Approved;
                if (review.OwnerId != actor.Id)
                {
                    await notices.AddAsync(review, headline, happened, null, ct);
                }
            }
        }

        if (review is not null)
        {
            review.UpdatedAt = now;
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Returns a submitted draft to its reporter with <paramref name="comment"/> (required).</summary>
    public async Task<DeskOutcome> ReturnAsync(StaffActor actor, int articleId, string? comment, CancellationToken ct = default)
    {
        if (!actor.CanPublish)
        {
            return DeskOutcome.Refuse(ReviewRules.OnlyEditorsReview);
        }

        var article = await db.Articles.AsNoTracking().Where(a => a.Id == articleId).Select(a => new { a.Headline, a.Status }).FirstOrDefaultAsync(ct);
        var review = await db.ArticleReviews.FirstOrDefaultAsync(r => r.ArticleId == articleId, ct);
        if (article is null)
        {
            return new DeskOutcome(ArticleSaveResult.Missing());
        }

        if (review is null || article.Status != ArticleStatus.Draft)
        {
            return new DeskOutcome(ArticleSaveResult.Failed(ArticleField.Form, "Only a draft written by a member of staff can be returned."));
        }

        if (CheckComment(comment) is not { } text)
        {
            return new DeskOutcome(ArticleSaveResult.Failed("Comment", "Say what should change: the reporter sees this comment."));
        }

        review.State = ReviewState.Returned;
        review.UpdatedAt = Now;
        db.ReviewComments.Add(new ReviewComment { ArticleId = articleId, AuthorId = actor.Id, AuthorName = actor.Name, Text = text, CreatedAt = Now });
        activity.Add(actor, ActivityActions.Returned, article.Headline, articleId, text);
        await notices.AddAsync(review, article.Headline, ActivityActions.Returned, text, ct);
        await db.SaveChangesAsync(ct);
        log.LogInformation("Article {ArticleId} returned to its reporter", articleId);
        return new DeskOutcome(new ArticleSaveResult { ArticleId = articleId, Status = article.Status });
    }

    /// <summary>Adds a comment to an article's review thread (anyone who may open the article).</summary>
    public async Task<DeskOutcome> CommentAsync(StaffActor actor, int articleId, string? comment, CancellationToken ct = default)
    {
        if (await RefuseOpeningAsync(actor, articleId, ct) is { } refused)
        {
            return DeskOutcome.Refuse(refused);
        }

        var article = await db.Articles.AsNoTracking().Where(a => a.Id == articleId).Select(a => new { a.Headline, a.Status }).FirstOrDefaultAsync(ct);
        if (article is null)
        {
            return new DeskOutcome(ArticleSaveResult.Missing());
        }

        if (CheckComment(comment) is not { } text)
        {
            return new DeskOutcome(ArticleSaveResult.Failed("Comment", "Write a comment first."));
        }

        db.ReviewComments.Add(new ReviewComment { ArticleId = articleId, AuthorId = actor.Id, AuthorName = actor.Name, Text = text, CreatedAt = Now });
        activity.Add(actor, ActivityActions.Commented, article.Headline, articleId, text);
        await db.SaveChangesAsync(ct);
        return new DeskOutcome(new ArticleSaveResult { ArticleId = articleId, Status = article.Status });
    }

    /// <summary>The activity a status change is logged as.</summary>
    public static string? StatusAction(ArticleStatus status) => status switch
    {
        ArticleStatus.Published => ActivityActions.Published,
        ArticleStatus.Scheduled => ActivityActions.Scheduled,
        ArticleStatus.Unpublished => ActivityActions.Unpublished,
        _ => null,
    };

    private static string? CheckComment(string? comment)
    {
        var text = PlainText.MultiLine(comment ?? "").Trim();
        if (text.Length == 0)
        {
            return null;
        }

        return text.Length > ReviewRules.MaxCommentLength ? text[..ReviewRules.MaxCommentLength] : text;
    }
}
