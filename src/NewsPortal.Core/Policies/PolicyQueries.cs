using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Consent;
using NewsPortal.Core.Data;

namespace NewsPortal.Core.Policies;

/// <summary>
/// A policy page as readers see it: the revision in force, when a later one is scheduled to replace it, and (when
/// asked for in a reader language that has one) the page's translation.
/// </summary>
public sealed record PolicyPage(
    string Key, string Title, string Html, int Number, DateTime EffectiveAt, DateTime? NextRevisionAt = null, PolicyPageTranslation? Translation = null)
{
    /// <summary>True when the translation was made from an earlier English revision than the one in force.</summary>
    public bool TranslationIsOutdated => Translation is { } translation && translation.RevisionNumber < Number;
}

/// <summary>A policy page in a reader's language: its title and text, and the English revision it was made from.</summary>
public sealed record PolicyPageTranslation(string Title, string Html, int RevisionNumber);

/// <summary>
/// A page's translation for the staff editor, beside the English text it renders: the revision in force (or the
/// latest while none is), its number, and what was last saved in the other language (empty when nothing yet).
/// </summary>
public sealed record PolicyTranslationDraftView(
    string Key, string EnglishTitle, string EnglishMarkdown, int? EnglishNumber,
    string Title, string Markdown, int? TranslatedNumber, DateTime? UpdatedAt, string UpdatedBy)
{
    public bool Exists => TranslatedNumber is not null;

    /// <summary>True when the translation renders the English revision in force (or the latest, while none is).</summary>
    public bool IsUpToDate => TranslatedNumber is { } translated && EnglishNumber is { } english && translated >= english;
}

/// <summary>The consent versions in force, and when they may next change (a revision scheduled for later).</summary>
public sealed record ConsentVersionsInForce(ConsentVersions Versions, DateTime? NextChangeAt);

/// <summary>One document in the staff list.</summary>
public sealed record PolicySummary(
    string Key, string Title, int? CurrentNumber, DateTime? CurrentEffectiveAt, int CurrentConsentVersion, int LatestNumber, int? ChineseFrom = null)
{
    /// <summary>True when the Chinese version renders the English revision in force (or the latest, while none is).</summary>
    public bool ChineseIsUpToDate => ChineseFrom is { } from && from >= (CurrentNumber ?? LatestNumber);
}

/// <summary>One revision in a document's history.</summary>
public sealed record PolicyRevisionSummary(
    int Number, DateTime EffectiveAt, bool IsMaterial, int ConsentVersion, DateTime CreatedAt, string CreatedBy, bool IsCurrent, bool IsScheduled);

public sealed record PolicyHistory(string Key, string Title, string LatestMarkdown, IReadOnlyList<PolicyRevisionSummary> Revisions);

/// <summary>
/// Reads policy documents. The revision in force is the one with the latest effective time that has
/// arrived (ties go to the higher number); revisions dated later are scheduled.
/// </summary>
public sealed class PolicyQueries(NewsDbContext db, TimeProvider clock)
{
    public const string Privacy = "privacy";
    public const string Terms = "terms";

    /// <summary>The documents readers can open, in footer order; each key is also its URL path.</summary>
    public static readonly IReadOnlyList<string> Keys = ["about", "contact", Privacy, Terms];

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<PolicyPage?> CurrentAsync(string key, CancellationToken ct = default) => CurrentAsync(key, null, ct);

    /// <summary>The page in force, with its translation into <paramref name="language"/> when it has one (null: English only).</summary>
    public async Task<PolicyPage?> CurrentAsync(string key, string? language, CancellationToken ct = default)
    {
        var now = Now;
        var page = await db.PolicyRevisions.AsNoTracking()
            .Where(r => r.Document!.Key == key && r.EffectiveAt <= now)
            .OrderByDescending(r => r.EffectiveAt).ThenByDescending(r => r.Number)
            .Select(r => new PolicyPage(key, r.Document!.Title, r.Html, r.Number, r.EffectiveAt, null))
            .FirstOrDefaultAsync(ct);
        if (page is null)
        {
            return null;
        }

        var next = await db.PolicyRevisions.AsNoTracking()
            .Where(r => r.Document!.Key == key && r.EffectiveAt > now)
            .OrderBy(r => r.EffectiveAt)
            .Select(r => (DateTime?)r.EffectiveAt)
            .FirstOrDefaultAsync(ct);
        var translation = language is null ? null : await db.PolicyTranslations.AsNoTracking()
            .Where(t => t.Document!.Key == key && t.Language == language)
            .Select(t => new PolicyPageTranslation(t.Title, t.Html, t.RevisionNumber))
            .FirstOrDefaultAsync(ct);
        return page with { NextRevisionAt = next, Translation = translation };
    }

    /// <summary>The page's translation into <paramref name="language"/> beside its English text, for the staff editor; null for no such page.</summary>
    public async Task<PolicyTranslationDraftView?> TranslationAsync(string key, string language, CancellationToken ct = default)
    {
        var now = Now;
        var document = await db.PolicyDocuments.AsNoTracking()
            .Where(d => d.Key == key)
            .Select(d => new
            {
                d.Id,
                d.Title,
                Translation = d.Translations.Where(t => t.Language == language)
                    .Select(t => new { t.Title, t.Markdown, t.RevisionNumber, t.UpdatedAt, t.UpdatedBy }).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        if (document is null)
        {
            return null;
        }

        // The revision in force, or the latest while none is: what a translation saved now would render.
        var revisions = db.PolicyRevisions.AsNoTracking().Where(r => r.DocumentId == document.Id);
        var english = await revisions.Where(r => r.EffectiveAt <= now)
                .OrderByDescending(r => r.EffectiveAt).ThenByDescending(r => r.Number)
                .Select(r => new { r.Number, r.Markdown }).FirstOrDefaultAsync(ct)
            ?? await revisions.OrderByDescending(r => r.Number).Select(r => new { r.Number, r.Markdown }).FirstOrDefaultAsync(ct);
        return new PolicyTranslationDraftView(
            key, document.Title, english?.Markdown ?? "", english?.Number,
            document.Translation?.Title ?? "", document.Translation?.Markdown ?? "", document.Translation?.RevisionNumber,
            document.Translation?.UpdatedAt, document.Translation?.UpdatedBy ?? "");
    }

    /// <summary>
    /// The consent versions of the Privacy Policy and Terms of Use in force (0 for a document that has none yet),
    /// and the effective time of the next scheduled revision of either, after which they must be read again.
    /// </summary>
    public async Task<ConsentVersionsInForce> ConsentVersionsAsync(CancellationToken ct = default)
    {
        var now = Now;
        var current = await db.PolicyDocuments.AsNoTracking()
            .Where(d => d.Key == Privacy || d.Key == Terms)
            .Select(d => new
            {
                d.Key,
                Version = d.Revisions.Where(r => r.EffectiveAt <= now)
                    .OrderByDescending(r => r.EffectiveAt).ThenByDescending(r => r.Number)
                    .Select(r => (int?)r.ConsentVersion).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var next = await db.PolicyRevisions.AsNoTracking()
            .Where(r => (r.Document!.Key == Privacy || r.Document.Key == Terms) && r.EffectiveAt > now)
            .OrderBy(r => r.EffectiveAt)
            .Select(r => (DateTime?)r.EffectiveAt)
            .FirstOrDefaultAsync(ct);

        int VersionOf(string key) => current.FirstOrDefault(c => c.Key == key)?.Version ?? 0;
        return new ConsentVersionsInForce(new ConsentVersions(VersionOf(Privacy), VersionOf(Terms)), next);
    }

    public async Task<IReadOnlyList<PolicySummary>> DocumentsAsync(CancellationToken ct = default)
    {
        var now = Now;
        var rows = await db.PolicyDocuments.AsNoTracking()
            .Select(d => new
            {
                d.Key,
                d.Title,
                Current = d.Revisions.Where(r => r.EffectiveAt <= now)
                    .OrderByDescending(r => r.EffectiveAt).ThenByDescending(r => r.Number)
                    .Select(r => new { r.Number, r.EffectiveAt, r.ConsentVersion }).FirstOrDefault(),
                Latest = d.Revisions.Max(r => (int?)r.Number),
                ChineseFrom = d.Translations.Where(t => t.Language == Articles.ArticleLanguage.Chinese).Select(t => (int?)t.RevisionNumber).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return rows
            .OrderBy(r => Keys.Contains(r.Key) ? Keys.ToList().IndexOf(r.Key) : int.MaxValue).ThenBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => new PolicySummary(r.Key, r.Title, r.Current?.Number, r.Current?.EffectiveAt, r.Current?.ConsentVersion ?? 0, r.Latest ?? 0, r.ChineseFrom))
            .ToList();
    }

    public async Task<PolicyHistory?> HistoryAsync(string key, CancellationToken ct = default)
    {
        var document = await db.PolicyDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Key == key, ct);
        if (document is null)
        {
            return null;
        }

        var now = Now;
        var revisions = await db.PolicyRevisions.AsNoTracking()
            .Where(r => r.DocumentId == document.Id)
            .OrderByDescending(r => r.Number)
            .Select(r => new { r.Number, r.EffectiveAt, r.IsMaterial, r.ConsentVersion, r.CreatedAt, r.CreatedBy, r.Markdown })
            .ToListAsync(ct);
        var current = revisions.Where(r => r.EffectiveAt <= now)
            .OrderByDescending(r => r.EffectiveAt).ThenByDescending(r => r.Number).FirstOrDefault();
        return new PolicyHistory(
            document.Key,
            document.Title,
            revisions.FirstOrDefault()?.Markdown ?? "",
            revisions.Select(r => new PolicyRevisionSummary(
                r.Number, r.EffectiveAt, r.IsMaterial, r.ConsentVersion, r.CreatedAt, r.CreatedBy,
                IsCurrent: current is not null && r.Number == current.Number,
                IsScheduled: r.EffectiveAt > now)).ToList());
    }
}
