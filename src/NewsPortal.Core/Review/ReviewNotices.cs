using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Core.Mail;

namespace NewsPortal.Core.Review;

/// <summary>How review emails are sent: whether a mail server is configured, and the site's name for the subject.</summary>
public sealed record ReviewMailSettings(bool CanSend, string SiteName);

/// <summary>Emails a reporter, through the outbox, when their draft is returned or approved.</summary>
public sealed class ReviewNotices(NewsDbContext db, MailOutbox outbox, ReviewMailSettings settings)
{
    /// <summary>Adds the mail to the context (saved with the caller's save); nothing when the owner has no address.</summary>
    public async Task AddAsync(ArticleReview review, string headline, string what, string? comment, CancellationToken ct)
    {
        var email = await db.Users.AsNoTracking().Where(u => u.Id == review.OwnerId).Select(u => u.Email).FirstOrDefaultAsync(ct);
        if (string.IsNullOrEmpty(email))
        {
            return;
        }

        var subject = $"[{settings.SiteName}] Your article was {what}: {headline}";
        var body = comment is null
            ? $"Your article \"{headline}\" was {what}."
            : $"Your article \"{headline}\" was {what} with this comment:\n\n{comment}\n\nRevise it and submit it again from the newsroom.";
        outbox.Add(MailKind.ReviewNotice, email, subject.Length > OutgoingMailLimits.Subject ? subject[..OutgoingMailLimits.Subject] : subject, body, settings.CanSend, staffId: review.OwnerId, author: "newsroom");
    }
}
