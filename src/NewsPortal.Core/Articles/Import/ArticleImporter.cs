using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NewsPortal.Core.Articles.Editing;
using NewsPortal.Core.Data;

namespace NewsPortal.Core.Articles.Import;

public enum ImportResult
{
    Created,
    Updated,
    Unchanged,
    Refused,
}

/// <summary>What happened to one file.</summary>
public sealed record ImportOutcome(string File, ImportResult Result, string? Slug, string? Reason);

public sealed class ImportReport(IReadOnlyList<ImportOutcome> outcomes)
{
    public IReadOnlyList<ImportOutcome> Outcomes { get; } = outcomes;
    public int Created => Count(ImportResult.Created);
    public int Updated => Count(ImportResult.Updated);
    public int Unchanged => Count(ImportResult.Unchanged);
    public int Refused => Count(ImportResult.Refused);

    private int Count(ImportResult result) => Outcomes.Count(o => o.Result == result);
}

/// <summary>
/// Imports a folder of Markdown files with front matter as articles, through the same editor as the staff
/// pages. Keyed on the slug: a file whose article already says the same changes nothing; a changed file
/// updates its article and adds a revision.
/// </summary>
public sealed class ArticleImporter(NewsDbContext db, ArticleEditor editor, TimeProvider clock, ILogger<ArticleImporter> log)
{
    /// <summary>Files larger than this are refused rather than read.</summary>
    public const long MaxFileBytes = 2 * 1024 * 1024;

    public static IReadOnlyList<string> FilesIn(string folder) =>
        Directory.EnumerateFiles(folder, "*.md", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal).ToList();

    public async Task<ImportReport> ImportFolderAsync(string folder, TimeZoneInfo zone, IProgress<ImportOutcome>? progress = null, CancellationToken ct = default)
    {
        var sections = await db.Sections.AsNoTracking().ToListAsync(ct);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var outcomes = new List<ImportOutcome>();
        foreach (var path in FilesIn(folder))
        {
            ct.ThrowIfCancellationRequested();
            var outcome = await ImportFileAsync(path, zone, sections, seen, ct);
            db.ChangeTracker.Clear();
            outcomes.Add(outcome);
            progress?.Report(outcome);
        }

        var report = new ImportReport(outcomes);
        log.LogInformation("Import of {Files} files: {Created} created, {Updated} updated, {Unchanged} unchanged, {Refused} refused",
            outcomes.Count, report.Created, report.Updated, report.Unchanged, report.Refused);
        return report;
    }

    private async Task<ImportOutcome> ImportFileAsync(
        string path, TimeZoneInfo zone, IReadOnlyList<Section> sections, Dictionary<string, string> seen, CancellationToken ct)
    {
        var file = Path.GetFileName(path);
        ImportOutcome Refuse(string reason, string? slug = null) => new(file, ImportResult.Refused, slug, reason);

        var tooLarge = $"too large: the file is over {MaxFileBytes / 1024 / 1024} MB";
        byte[] bytes;
        try
        {
            if (new FileInfo(path).Length > MaxFileBytes)
            {
                return Refuse(tooLarge);
            }

            // Read no more than the limit even when the size on disk says otherwise (a link to a device, a growing file).
            bytes = await ReadAtMostAsync(path, MaxFileBytes + 1, ct);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Refuse($"could not be read: {ex.Message}");
        }

        if (bytes.Length > MaxFileBytes)
        {
            return Refuse(tooLarge);
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Refuse("not a UTF-8 text file: save it as UTF-8 Markdown (a binary file or another encoding cannot be imported)");
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return Refuse("not a text file: it holds NUL bytes, as binary files do");
        }

        var parsed = FrontMatter.Parse(text, zone);
        if (parsed.Document is not { } doc)
        {
            return Refuse(parsed.Error!);
        }

        var section = sections.FirstOrDefault(s => s.Slug.Equals(doc.Section, StringComparison.OrdinalIgnoreCase))
            ?? sections.FirstOrDefault(s => s.Name.Equals(doc.Section, StringComparison.OrdinalIgnoreCase));
        if (section is null)
        {
            return Refuse($"unknown section \"{doc.Section}\" (sections: {string.Join(", ", sections.Select(s => s.Slug))})");
        }

        var slug = Slug.From(string.IsNullOrWhiteSpace(doc.Slug) ? doc.Headline : doc.Slug);
        if (slug.Length == 0)
        {
            return Refuse("no slug: give one in the front matter (the headline has no letters or digits, in any script, for a web address)");
        }

        if (!seen.TryAdd(slug, file))
        {
            return Refuse($"the slug \"{slug}\" is also used by {seen[slug]}", slug);
        }

        var existing = await db.Articles.AsNoTracking()
            .Include(a => a.Tags)
            .Include(a => a.Authors)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Slug == slug, ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var state = TargetState(doc, existing is null ? null : new PublishingState(existing.Status, existing.PublishedAt), now);
        if (state.Error is not null)
        {
            return Refuse(state.Error, slug);
        }

        if (existing is not null && IsUnchanged(existing, doc, section.Id, state.State!.Value))
        {
            return new ImportOutcome(file, ImportResult.Unchanged, slug, null);
        }

        var input = new ArticleInput
        {
            Headline = doc.Headline,
            Slug = slug,
            Standfirst = doc.Standfirst,
            SectionId = section.Id,
            Tags = string.Join(", ", doc.Tags),
            Authors = string.Join(", ", doc.Authors),
            Body = doc.Body,
            Source = doc.Source,
            Language = doc.Language ?? existing?.Language,
            CoverCaption = existing?.CoverCaption,
            CoverCredit = existing?.CoverCredit,
        };
        var result = await editor.SaveInStateAsync(existing?.Id, input, state.State!.Value, $"import: {file}", ct);
        if (!result.Succeeded)
        {
            return Refuse(string.Join("; ", result.Errors.Values), slug);
        }

        return new ImportOutcome(file, existing is null ? ImportResult.Created : ImportResult.Updated, slug, null);
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static async Task<byte[]> ReadAtMostAsync(string path, long limit, CancellationToken ct)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length < limit && (read = await stream.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - buffer.Length)), ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// The state a file asks for. A time still to come schedules the article, a past one publishes it at that
    /// time; without a time an article keeps the time it already has (or goes live now).
    /// </summary>
    public static WorkflowDecision TargetState(ArticleDocument doc, PublishingState? existing, DateTime nowUtc)
    {
        var kept = existing?.PublishedAt is { } before ? before : (DateTime?)null;
        var at = doc.PublishedAt is { } given && kept is { } old && Seconds(given) == Seconds(old) ? old : doc.PublishedAt;
        switch (doc.Status)
        {
            case ArticleStatus.Draft:
                return WorkflowDecision.To(ArticleStatus.Draft, null);
            case ArticleStatus.Scheduled when at is null:
                return WorkflowDecision.Refuse("status scheduled needs a published time");
            case ArticleStatus.Scheduled or ArticleStatus.Published when at is { } time:
                return time > nowUtc ? WorkflowDecision.To(ArticleStatus.Scheduled, time) : WorkflowDecision.To(ArticleStatus.Published, time);
            case ArticleStatus.Published:
                return WorkflowDecision.To(ArticleStatus.Published, existing is { Status: ArticleStatus.Published or ArticleStatus.Unpublished } && kept is not null ? kept : nowUtc);
            case ArticleStatus.Unpublished:
                return WorkflowDecision.To(ArticleStatus.Unpublished, at ?? kept);
            default:
                return WorkflowDecision.Refuse("unknown status");
        }
    }

    private static bool IsUnchanged(Article a, ArticleDocument doc, int sectionId, PublishingState state) =>
        a.Headline == ArticleInput.Line(doc.Headline)
        && a.Standfirst == ArticleInput.Line(doc.Standfirst)
        && a.BodyMarkdown == ArticleInput.NormalizeBody(doc.Body)
        && a.SectionId == sectionId
        && a.Source == ArticleInput.Clean(doc.Source)
        && (doc.Language is null || a.Language == doc.Language)
        && a.Status == state.Status
        && a.PublishedAt == state.PublishedAt
        && SameNames(a.Tags.Select(t => t.Slug), doc.Tags)
        && SameNames(a.Authors.Select(t => t.Slug), doc.Authors);

    private static bool SameNames(IEnumerable<string> slugs, IReadOnlyList<string> names) =>
        slugs.Order(StringComparer.Ordinal).SequenceEqual(names.Select(n => Slug.From(n)).Order(StringComparer.Ordinal));

    private static long Seconds(DateTime time) => time.Ticks / TimeSpan.TicksPerSecond;
}
