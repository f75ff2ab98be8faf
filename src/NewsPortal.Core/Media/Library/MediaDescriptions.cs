using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NewsPortal.Core.Activity;
using NewsPortal.Core.Articles.Editing;
using NewsPortal.Core.Data;
using NewsPortal.Core.Markdown;
using NewsPortal.Core.Review;
using NewsPortal.Core.Text;

namespace NewsPortal.Core.Media.Library;

/// <summary>What staff may change about an item after uploading it.</summary>
public sealed record MediaDescription(string? AltText, string? Caption, string? Credit);

/// <summary>
/// Describes a library item again (alt text, caption, credit). The articles that show the item in their body are
/// rendered again in the same save, so readers see the new words at once; their text and revisions are unchanged.
/// </summary>
public sealed class MediaDescriptions(NewsDbContext db, MarkdownRenderer markdown, BodyMediaReader bodyMedia, ActivityLog activity, ILogger<MediaDescriptions> log)
{
    /// <summary>Null when there is no such item; otherwise the mistakes by field (empty when saved).</summary>
    public async Task<IReadOnlyDictionary<string, string>?> DescribeAsync(StaffActor actor, int id, MediaDescription input, CancellationToken ct = default)
    {
        var item = await db.MediaItems.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (item is null)
        {
            return null;
        }

        var errors = new Dictionary<string, string>();
        var alt = PlainText.SingleLine(input.AltText);
        var caption = PlainText.SingleLine(input.Caption) is { Length: > 0 } c ? c : null;
        var credit = PlainText.SingleLine(input.Credit) is { Length: > 0 } r ? r : null;
        if (alt.Length == 0)
        {
            errors[LibraryField.AltText] = "Describe what the picture or video shows (alt text), for readers who cannot see it.";
        }

        foreach (var (field, label, value, max) in new[]
        {
            (LibraryField.AltText, "The alt text", (string?)alt, MediaLimits.AltText),
            (LibraryField.Caption, "The caption", caption, MediaLimits.Caption),
            (LibraryField.Credit, "The credit", credit, MediaLimits.Credit),
        })
        {
            if (value is { Length: > 0 } && value.Length > max)
            {
                errors[field] = $"{label} can be at most {max} characters.";
            }
            else if (PlainText.HasUnreadable(value))
            {
                errors[field] = PlainText.UnreadableError(label);
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        // The item is stored first (within one transaction) so that the body markup below is made from its new words.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        (item.AltText, item.Caption, item.Credit) = (alt, caption, credit);
        await db.SaveChangesAsync(ct);
        var articles = await db.Articles
            .Where(a => db.ArticleMedia.Any(u => u.ArticleId == a.Id && u.MediaItemId == id))
            .ToListAsync(ct);
        foreach (var article in articles)
        {
            var media = await bodyMedia.ForAsync(article.BodyMarkdown, ct);
            if (ArticleBody.Check(article.BodyMarkdown, markdown, media, out var rendered) is null)
            {
                article.BodyHtml = rendered.Html;
                article.BodyText = rendered.PlainText;
            }
        }

        activity.Add(actor, ActivityActions.MediaDescribed, $"Media item {id}", detail: alt);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        log.LogInformation("Media library item {Id} described again; {Count} articles rendered again", id, articles.Count);
        return errors;
    }
}
