using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;

namespace NewsPortal.Core.Statistics;

/// <summary>
/// Adds counts to the per-day tables with one upsert each (INSERT ... ON CONFLICT DO UPDATE, which SQLite and
/// PostgreSQL both understand), so several instances flushing at once add up rather than overwrite. The statements
/// bypass the change tracker: counts are not content, and evict no cached page.
/// </summary>
public sealed class StatisticsStore(NewsDbContext db)
{
    public async Task AddViewsAsync(DateOnly day, IReadOnlyDictionary<string, long> viewsBySlug, CancellationToken ct = default)
    {
        foreach (var (slug, views) in viewsBySlug)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "DailyArticleViews" ("ArticleId", "Day", "Views")
                SELECT "Id", {day}, {views} FROM "Articles" WHERE "Slug" = {slug}
                ON CONFLICT ("ArticleId", "Day") DO UPDATE SET "Views" = "DailyArticleViews"."Views" + excluded."Views"
                """, ct);
        }
    }

    public async Task AddSearchAsync(DateOnly day, string query, long searches, long foundNothing, CancellationToken ct = default)
    {
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "DailySearches" ("Day", "Query", "Searches", "FoundNothing")
            VALUES ({day}, {query}, {searches}, {foundNothing})
            ON CONFLICT ("Day", "Query") DO UPDATE SET "Searches" = "DailySearches"."Searches" + excluded."Searches",
                "FoundNothing" = "DailySearches"."FoundNothing" + excluded."FoundNothing"
            """, ct);
    }

    /// <summary>Deletes search counts from before <paramref name="firstKept"/>.</summary>
    public Task<int> DeleteSearchesBeforeAsync(DateOnly firstKept, CancellationToken ct = default) =>
        db.Set<DailySearches>().Where(s => s.Day < firstKept).ExecuteDeleteAsync(ct);
}
