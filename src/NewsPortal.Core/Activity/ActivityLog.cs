using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Core.Review;

namespace NewsPortal.Core.Activity;

/// <summary>A page of the activity log and how many entries the filter matches.</summary>
public sealed record ActivityPage(IReadOnlyList<ActivityEntry> Entries, int Total, int Page, int PageSize)
{
    public int TotalPages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>What the log page is asked to show: every field optional.</summary>
public sealed record ActivityFilter(string? ActorId = null, string? Action = null, DateTime? FromUtc = null, DateTime? ToUtc = null, int? ArticleId = null);

/// <summary>
/// The activity log: who did what, when. Entries are added to the caller's context (saved with what they describe)
/// or saved at once; settings pages call <see cref="SettingsChangedAsync"/>.
/// </summary>
public sealed class ActivityLog(NewsDbContext db, TimeProvider clock)
{
    public const int PageSize = 50;

    /// <summary>Who is named for what the site does by itself.</summary>
    public const string SiteName = "Scheduled publishing";

    /// <summary>Adds an entry to the context; it is saved with the caller's next SaveChanges.</summary>
    public ActivityEntry Add(StaffActor actor, string action, string subject, int? articleId = null, string detail = "")
    {
        var entry = new ActivityEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            ActorId = actor.Id,
            ActorName = Cut(actor.Name, 256),
            Action = action,
            ArticleId = articleId,
            Subject = Cut(subject, ActivityActions.SubjectLength),
            Detail = Cut(detail, ActivityActions.DetailLength),
        };
        db.Add(entry);
        return entry;
    }

    /// <summary>Adds an entry for what the site did by itself (scheduled publishing), under <see cref="SiteName"/>.</summary>
    public ActivityEntry AddBySite(string action, string subject, int? articleId = null, string detail = "") =>
        Add(new StaffActor("", SiteName, []), action, subject, articleId, detail);

    /// <summary>Adds an entry and saves it now.</summary>
    public async Task RecordAsync(StaffActor actor, string action, string subject, int? articleId = null, string detail = "", CancellationToken ct = default)
    {
        Add(actor, action, subject, articleId, detail);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The one call a settings page makes after saving: <paramref name="what"/> says which settings changed.</summary>
    public Task SettingsChangedAsync(StaffActor actor, string what, string detail = "", CancellationToken ct = default) =>
        RecordAsync(actor, ActivityActions.SettingsChanged, what, null, detail, ct);

    public async Task<ActivityPage> FindAsync(ActivityFilter filter, int page, CancellationToken ct = default)
    {
        var query = db.Set<ActivityEntry>().AsNoTracking();
        if (!string.IsNullOrEmpty(filter.ActorId))
        {
            query = query.Where(e => e.ActorId == filter.ActorId);
        }

        if (!string.IsNullOrEmpty(filter.Action))
        {
            query = query.Where(e => e.Action == filter.Action);
        }

        if (filter.FromUtc is { } from)
        {
            query = query.Where(e => e.At >= from);
        }

        if (filter.ToUtc is { } to)
        {
            query = query.Where(e => e.At < to);
        }

        if (filter.ArticleId is { } articleId)
        {
            query = query.Where(e => e.ArticleId == articleId);
        }

        var total = await query.CountAsync(ct);
        var entries = await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((Math.Max(1, page) - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new ActivityPage(entries, total, Math.Max(1, page), PageSize);
    }

    /// <summary>The people the log names, for the filter (id, name), by name.</summary>
    public async Task<IReadOnlyList<(string Id, string Name)>> PeopleAsync(CancellationToken ct = default)
    {
        var people = await db.Users.AsNoTracking().Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct);
        return people.Select(p => (p.Id, $"{p.DisplayName} ({p.Email})")).OrderBy(p => p.Item2, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>Deletes entries older than <paramref name="cutoffUtc"/>; returns how many.</summary>
    public Task<int> DeleteOlderThanAsync(DateTime cutoffUtc, CancellationToken ct = default) =>
        db.Set<ActivityEntry>().Where(e => e.At < cutoffUtc).ExecuteDeleteAsync(ct);

    private static string Cut(string text, int max) => text.Length > max ? text[..max] : text;
}
