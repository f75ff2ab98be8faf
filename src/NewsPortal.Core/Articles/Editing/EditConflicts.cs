using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;

namespace NewsPortal.Core.Articles.Editing;

/// <summary>
/// What an editor is told when the article they opened was saved by someone else before they saved it:
/// who saved it, which revision, and what changed between the revision they opened and the latest one.
/// </summary>
internal static class EditConflicts
{
    private const int ShownLength = 80;

    /// <summary>The article's version as a form carries it: the time of its last change.</summary>
    public static long VersionOf(Article article) => article.UpdatedAt.Ticks;

    public static async Task<string> DescribeAsync(NewsDbContext db, Article article, long openedVersion, CancellationToken ct)
    {
        var opened = new DateTime(Math.Clamp(openedVersion, DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks), article.UpdatedAt.Kind);
        var revisions = db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == article.Id).OrderByDescending(r => r.Number);
        var latest = await revisions.FirstOrDefaultAsync(ct);
        var before = await revisions.FirstOrDefaultAsync(r => r.CreatedAt <= opened, ct);

        var message = "This article was changed since you opened it, so your save was refused and nothing of yours was saved. ";
        if (latest is not null && (before is null || before.Number < latest.Number))
        {
            var sections = await db.Sections.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);
            var changes = before is null ? [] : Changes(before, latest, sections);
            message += $"{latest.EditedBy} saved revision {latest.Number}"
                + (changes.Count > 0 ? ". Changed meanwhile: " + string.Join("; ", changes) + ". " : ". ");
        }
        else
        {
            message += $"Its publishing state or corrections changed (it is now {article.Status.ToString().ToLowerInvariant()}). ";
        }

        return message + "Your version is still in the form below: compare it with theirs under Revisions, then save again to replace theirs with yours, or reopen the article to start from theirs.";
    }

    private static List<string> Changes(ArticleRevision before, ArticleRevision after, IReadOnlyDictionary<int, string> sections)
    {
        var changes = new List<string>();
        void Value(string name, string? from, string? to)
        {
            if (!string.Equals(from ?? "", to ?? "", StringComparison.Ordinal))
            {
                changes.Add(string.IsNullOrEmpty(to) ? $"{name}: removed" : $"{name}: “{Shorten(to)}”");
            }
        }

        Value("Headline", before.Headline, after.Headline);
        Value("Slug", before.Slug, after.Slug);
        if (before.Standfirst != after.Standfirst)
        {
            changes.Add("Standfirst");
        }

        Value("Section", sections.GetValueOrDefault(before.SectionId), sections.GetValueOrDefault(after.SectionId));
        Value("Tags", before.TagNames, after.TagNames);
        Value("Authors", before.AuthorNames, after.AuthorNames);
        Value("Source", before.Source, after.Source);
        Value("Cover caption", before.CoverCaption, after.CoverCaption);
        Value("Cover credit", before.CoverCredit, after.CoverCredit);
        if (before.BodyMarkdown != after.BodyMarkdown)
        {
            changes.Add("Body");
        }

        return changes;
    }

    private static string Shorten(string text)
    {
        if (text.Length <= ShownLength)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[ShownLength - 2]) ? ShownLength - 2 : ShownLength - 1;
        return text[..cut] + "…";
    }
}
