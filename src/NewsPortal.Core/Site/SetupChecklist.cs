using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Data;
using NewsPortal.Core.Policies;
using NewsPortal.Core.Seeding;

namespace NewsPortal.Core.Site;

/// <summary>What a new newsroom still has to do before the site is its own.</summary>
public sealed record SetupProgress(bool SiteDetails, bool Section, bool Author, bool PoliciesRevised, bool Article)
{
    public bool Done => SiteDetails && Section && Author && PoliciesRevised && Article;
}

/// <summary>Reads the first-run checklist the staff dashboard shows until every item is done.</summary>
public sealed class SetupChecklist(NewsDbContext db)
{
    public async Task<SetupProgress> ReadAsync(CancellationToken ct = default) => new(
        await db.SiteDetails.AnyAsync(ct),
        await db.Sections.AnyAsync(ct),
        await db.Authors.AnyAsync(ct),
        // Every page in the footer has a revision written by the newsroom, not only the starter text.
        await db.PolicyDocuments.CountAsync(d => PolicyQueries.Keys.Contains(d.Key) && d.Revisions.Any(r => r.CreatedBy != StarterPolicies.Author), ct) >= PolicyQueries.Keys.Count,
        await db.Articles.AnyAsync(a => a.Status == ArticleStatus.Published, ct));
}
