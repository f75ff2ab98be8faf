using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Core.Markdown;

namespace NewsPortal.Core.Policies;

/// <summary>What staff submit for a new revision. <see cref="EffectiveAt"/> is UTC.</summary>
public sealed record PolicyRevisionDraft(string? Markdown, DateTime EffectiveAt, bool IsMaterial);

public sealed record PolicyRevisionSaved(int Number, int ConsentVersion, DateTime EffectiveAt);

/// <summary>The outcome of saving a revision: the revision, or the reasons it was refused (by field).</summary>
public sealed record PolicyRevisionResult(PolicyRevisionSaved? Saved, IReadOnlyDictionary<string, string> Errors)
{
    public bool Succeeded => Saved is not null;
}

/// <summary>Rules for policy revisions, kept apart from storage so they can be checked on their own.</summary>
public static class PolicyRules
{
    public const int MaxMarkdown = 100_000;

    /// <summary>The longest title of a translated page (as the column holds).</summary>
    public const int MaxTitle = 200;

    /// <summary>
    /// A material revision starts a new consent version (every reader is asked again); a minor one keeps
    /// the version of the revision before it.
    /// </summary>
    public static int NextConsentVersion(int previousConsentVersion, bool isMaterial) =>
        isMaterial ? previousConsentVersion + 1 : previousConsentVersion;

    /// <summary>
    /// A revision needs text within the length limit, and an effective time no earlier than the latest
    /// existing revision's: otherwise it would never come into force, since revisions take effect in order.
    /// </summary>
    public static Dictionary<string, string> Validate(string markdown, DateTime effectiveAt, DateTime? latestEffectiveAt)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        CheckText(markdown, errors);
        if (latestEffectiveAt is { } latest && effectiveAt < latest)
        {
            errors["EffectiveAt"] = "The effective time cannot be earlier than the latest revision's. Choose a later time.";
        }

        return errors;
    }

    /// <summary>
    /// A translation of a page needs a title and a text, each not blank, within its length limit and readable, as
    /// a revision's text is.
    /// </summary>
    public static Dictionary<string, string> ValidateTranslation(string title, string markdown)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Text.PlainText.IsBlank(title))
        {
            errors["Title"] = "Enter the title of the page.";
        }
        else if (title.Length > MaxTitle)
        {
            errors["Title"] = $"The title is {title.Length:N0} characters; the limit is {MaxTitle:N0}.";
        }
        else if (Text.PlainText.HasUnreadable(title))
        {
            errors["Title"] = Text.PlainText.UnreadableError("The title");
        }

        CheckText(markdown, errors);
        return errors;
    }

    private static void CheckText(string markdown, Dictionary<string, string> errors)
    {
        if (Text.PlainText.IsBlank(markdown))
        {
            errors["Markdown"] = "Enter the text of the page.";
        }
        else if (markdown.Length > MaxMarkdown)
        {
            errors["Markdown"] = $"The text is {markdown.Length:N0} characters; the limit is {MaxMarkdown:N0}.";
        }
        else if (Text.PlainText.HasUnreadable(markdown))
        {
            errors["Markdown"] = Text.PlainText.UnreadableError("The text");
        }
    }
}

/// <summary>Adds revisions to policy documents; earlier revisions are kept as they were.</summary>
public sealed class PolicyEditor(NewsDbContext db, MarkdownRenderer renderer, TimeProvider clock)
{
    public async Task<PolicyRevisionResult?> AddRevisionAsync(string key, PolicyRevisionDraft draft, string editor, CancellationToken ct = default)
    {
        var document = await db.PolicyDocuments.FirstOrDefaultAsync(d => d.Key == key, ct);
        if (document is null)
        {
            return null;
        }

        var markdown = MarkdownRenderer.Normalize(draft.Markdown).Trim();
        var latest = await db.PolicyRevisions
            .Where(r => r.DocumentId == document.Id)
            .OrderByDescending(r => r.Number)
            .Select(r => new { r.Number, r.ConsentVersion, r.EffectiveAt })
            .FirstOrDefaultAsync(ct);
        var effectiveAt = DateTime.SpecifyKind(draft.EffectiveAt, DateTimeKind.Utc);
        var errors = PolicyRules.Validate(markdown, effectiveAt, latest?.EffectiveAt);
        if (errors.Count > 0)
        {
            return new PolicyRevisionResult(null, errors);
        }

        var revision = new PolicyRevision
        {
            DocumentId = document.Id,
            Number = (latest?.Number ?? 0) + 1,
            Markdown = markdown,
            Html = renderer.Render(markdown).Html,
            EffectiveAt = effectiveAt,
            IsMaterial = draft.IsMaterial,
            ConsentVersion = PolicyRules.NextConsentVersion(latest?.ConsentVersion ?? 0, draft.IsMaterial),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = editor,
        };
        db.PolicyRevisions.Add(revision);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another revision took this number between the read and the write.
            db.ChangeTracker.Clear();
            return new PolicyRevisionResult(null, new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [""] = "Someone else saved a revision of this page at the same moment. Reload the page and try again.",
            });
        }

        return new PolicyRevisionResult(new PolicyRevisionSaved(revision.Number, revision.ConsentVersion, revision.EffectiveAt), errors);
    }
}
