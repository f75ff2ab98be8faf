using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Data;

namespace NewsPortal.Core.FrontPage;

/// <summary>The front page as the staff form shows it: the picks, and the strip (live or not).</summary>
public sealed record FrontPageChoices(int? Lead, IReadOnlyList<int> Featured, IReadOnlyDictionary<int, int> SectionLeads, BreakingNews? Strip);

/// <summary>A published article an editor may pick.</summary>
public sealed record PickableArticle(int Id, string Headline, int SectionId, DateTime PublishedAt);

/// <summary>Reads and saves what editors choose for the front page and the breaking-news strip.</summary>
public sealed class FrontPageEditor(NewsDbContext db, TimeProvider clock, ILogger<FrontPageEditor> log)
{
    /// <summary>How many of the newest published articles the form offers (besides any picked already).</summary>
    public const int Offered = 200;

    public async Task<FrontPageChoices> ChoicesAsync(CancellationToken ct = default)
    {
        var picks = await db.FrontPagePicks.AsNoTracking().OrderBy(p => p.Position).ToListAsync(ct);
        var home = picks.Where(p => p.SectionId is null).ToList();
        return new FrontPageChoices(
            home.FirstOrDefault(p => p.Position == 0)?.ArticleId,
            home.Where(p => p.Position > 0).Select(p => p.ArticleId).ToList(),
            picks.Where(p => p.SectionId is not null && p.Position == 0).GroupBy(p => p.SectionId!.Value).ToDictionary(g => g.Key, g => g.First().ArticleId),
            await db.BreakingNews.AsNoTracking().FirstOrDefaultAsync(ct));
    }

    /// <summary>The newest published articles, and any picked article that is older.</summary>
    public async Task<List<PickableArticle>> PickableAsync(IEnumerable<int> picked, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = picked.ToList();
        var live = db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now);
        var newest = await live.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Take(Offered)
            .Select(a => new PickableArticle(a.Id, a.Headline, a.SectionId, a.PublishedAt!.Value)).ToListAsync(ct);
        var missing = ids.Except(newest.Select(a => a.Id)).ToList();
        if (missing.Count > 0)
        {
            newest.AddRange(await live.Where(a => missing.Contains(a.Id)).Select(a => new PickableArticle(a.Id, a.Headline, a.SectionId, a.PublishedAt!.Value)).ToListAsync(ct));
        }

        return newest;
    }

    /// <summary>Replaces the picks; an article that is not published (or a section lead from another section) is refused.</summary>
    public async Task<IReadOnlyDictionary<string, string>> SavePicksAsync(int? lead, IEnumerable<int?> featured, IReadOnlyDictionary<int, int?> sectionLeads, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        lead = lead is > 0 ? lead : null;
        var featuredIds = FrontPageRules.Featured(lead, featured);
        var sectionPicks = sectionLeads.Where(kv => kv.Value is > 0).ToDictionary(kv => kv.Key, kv => kv.Value!.Value);
        var wanted = featuredIds.Concat(sectionPicks.Values).Concat(lead is { } l ? [l] : []).Distinct().ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var found = await db.Articles.AsNoTracking()
            .Where(a => wanted.Contains(a.Id) && a.Status == ArticleStatus.Published && a.PublishedAt <= now)
            .Select(a => new { a.Id, a.SectionId }).ToDictionaryAsync(a => a.Id, a => a.SectionId, ct);
        if (lead is { } leadId && !found.ContainsKey(leadId))
        {
            errors["Lead"] = "The chosen lead story is not published (any more); choose another.";
        }

        if (featuredIds.FirstOrDefault(id => !found.ContainsKey(id)) is > 0)
        {
            errors["Featured"] = "One of the featured stories is not published (any more); choose another.";
        }

        foreach (var (sectionId, articleId) in sectionPicks)
        {
            if (!found.TryGetValue(articleId, out var inSection) || inSection != sectionId)
            {
                errors[$"SectionLeads[{sectionId}]"] = "Choose a published story of this section.";
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        db.FrontPagePicks.RemoveRange(await db.FrontPagePicks.ToListAsync(ct));
        if (lead is { } chosen)
        {
            db.FrontPagePicks.Add(new FrontPagePick { ArticleId = chosen, Position = 0 });
        }

        db.FrontPagePicks.AddRange(featuredIds.Select((id, i) => new FrontPagePick { ArticleId = id, Position = i + 1 }));
        db.FrontPagePicks.AddRange(sectionPicks.Select(kv => new FrontPagePick { SectionId = kv.Key, ArticleId = kv.Value, Position = 0 }));
        await db.SaveChangesAsync(ct);
        log.LogInformation("Front page saved: lead {Lead}, {Featured} featured, {Sections} section leads", lead, featuredIds.Count, sectionPicks.Count);
        return errors;
    }

    public async Task<IReadOnlyDictionary<string, string>> SaveStripAsync(string? text, string? link, DateTime? expiresUtc, string editedBy, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        var now = clock.GetUtcNow().UtcDateTime;
        if (FrontPageRules.CheckStrip(text, link, expiresUtc, now, errors) is not { } strip)
        {
            return errors;
        }

        var row = await db.BreakingNews.FirstOrDefaultAsync(ct);
        if (row is null)
        {
            row = new BreakingNews();
            db.BreakingNews.Add(row);
        }

        row.Text = strip.Text;
        row.Link = strip.Link ?? "";
        row.ExpiresAt = strip.ExpiresAt;
        row.UpdatedAt = now;
        row.UpdatedBy = editedBy;
        await db.SaveChangesAsync(ct);
        log.LogInformation("Breaking-news strip set by {Editor} until {ExpiresAt:o}", editedBy, strip.ExpiresAt);
        return errors;
    }

    public async Task RemoveStripAsync(CancellationToken ct = default)
    {
        if (await db.BreakingNews.FirstOrDefaultAsync(ct) is { } row)
        {
            db.BreakingNews.Remove(row);
            await db.SaveChangesAsync(ct);
        }
    }
}
