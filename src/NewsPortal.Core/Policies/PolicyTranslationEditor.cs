using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Data;
using NewsPortal.Core.Markdown;
using NewsPortal.Core.Text;

namespace NewsPortal.Core.Policies;

/// <summary>What staff submit for a policy page in another language: its title and text (Markdown).</summary>
public sealed record PolicyTranslationDraft(string? Title, string? Markdown);

/// <summary>A translation saved: the English revision it renders, and whether it is the page's first in that language.</summary>
public sealed record PolicyTranslationSaved(int RevisionNumber, bool IsFirst);

/// <summary>The outcome of saving a translation: what was saved, or the reasons it was refused (by field).</summary>
public sealed record PolicyTranslationResult(PolicyTranslationSaved? Saved, IReadOnlyDictionary<string, string> Errors)
{
    public bool Succeeded => Saved is not null;
}

/// <summary>
/// Saves the version of a policy page in another reader language (one per language, replaced on each save). It
/// records the English revision it translates: the one in force, or the latest while none is in force yet. The
/// English revisions stay the text in force; the save evicts the cached policy pages (see
/// <see cref="Data.Changes.ContentChangeCollector"/>).
/// </summary>
public sealed class PolicyTranslationEditor(NewsDbContext db, MarkdownRenderer renderer, TimeProvider clock)
{
    /// <summary>The languages a policy page may be translated into: the reader languages besides English.</summary>
    public static bool IsTranslationLanguage(string language) =>
        ArticleLanguage.Find(language) is { } known && known != ArticleLanguage.English;

    public async Task<PolicyTranslationResult?> SaveAsync(string key, string language, PolicyTranslationDraft draft, string editor, CancellationToken ct = default)
    {
        var document = await db.PolicyDocuments.FirstOrDefaultAsync(d => d.Key == key, ct);
        if (document is null || !IsTranslationLanguage(language))
        {
            return null;
        }

        language = ArticleLanguage.Find(language)!;
        var title = PlainText.SingleLine(draft.Title);
        var markdown = MarkdownRenderer.Normalize(draft.Markdown).Trim();
        var errors = PolicyRules.ValidateTranslation(title, markdown);
        RenderedMarkdown? rendered = null;
        if (errors.Count == 0)
        {
            if (renderer.TryRender(markdown, out var html, out var problem))
            {
                rendered = html;
            }
            else
            {
                errors["Markdown"] = problem!;
            }
        }

        var number = await TranslatedRevisionAsync(document.Id, ct);
        if (number is null)
        {
            errors[""] = "This page has no English text yet. Save its first revision, then translate it.";
        }

        if (errors.Count > 0 || rendered is null || number is not { } revision)
        {
            return new PolicyTranslationResult(null, errors);
        }

        var translation = await db.PolicyTranslations.FirstOrDefaultAsync(t => t.DocumentId == document.Id && t.Language == language, ct);
        var isFirst = translation is null;
        if (translation is null)
        {
            translation = new PolicyTranslation { DocumentId = document.Id, Language = language };
            db.PolicyTranslations.Add(translation);
        }

        translation.Title = title;
        translation.Markdown = markdown;
        translation.Html = rendered.Html;
        translation.RevisionNumber = revision;
        translation.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        translation.UpdatedBy = editor;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone else saved the first translation of this page between the read and the write.
            db.ChangeTracker.Clear();
            return new PolicyTranslationResult(null, new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [""] = "Someone else saved this translation at the same moment. Reload the page and try again.",
            });
        }

        return new PolicyTranslationResult(new PolicyTranslationSaved(revision, isFirst), errors);
    }

    /// <summary>The number of the English revision in force, or of the latest while none is in force; null when there is none.</summary>
    private async Task<int?> TranslatedRevisionAsync(int documentId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var revisions = db.PolicyRevisions.AsNoTracking().Where(r => r.DocumentId == documentId);
        return await revisions.Where(r => r.EffectiveAt <= now)
                .OrderByDescending(r => r.EffectiveAt).ThenByDescending(r => r.Number)
                .Select(r => (int?)r.Number).FirstOrDefaultAsync(ct)
            ?? await revisions.MaxAsync(r => (int?)r.Number, ct);
    }
}
