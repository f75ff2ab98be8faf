using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Data;

namespace NewsPortal.Core.Search;

/// <summary>
/// Search on SQLite: the FTS5 table "ArticleSearch" (porter stemming over unicode61, Chinese as bigrams),
/// ranked by bm25 with the headline weighted above the standfirst above the body, joined back to the
/// articles readers may see.
/// </summary>
public sealed class SqliteArticleSearch(NewsDbContext db, ArticleQueries articles, ILogger<SqliteArticleSearch> log) : IArticleSearch
{
    // bm25 column weights: Headline, Standfirst, Body.
    private const string Rank = $"bm25({SqliteSearchIndex.Table}, 10.0, 4.0, 1.0)";

    public async Task<SearchResults> SearchAsync(string query, int page, int pageSize, CancellationToken ct = default)
    {
        var parsed = SearchQuery.Parse(query);
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 100);
        if (!parsed.HasTerms)
        {
            return new SearchResults(parsed.Text, [], page, pageSize, 0);
        }

        var match = parsed.ToFts5Match();
        List<SearchRow> ranked;
        try
        {
            // The newest matches (rowid order is the index's own), then only those readers may see, best first.
            var candidates = db.Database.SqlQueryRaw<SearchRow>(
                $"SELECT rowid AS Id, {Rank} AS Rank FROM {SqliteSearchIndex.Table} WHERE {SqliteSearchIndex.Table} MATCH {{0}} ORDER BY rowid DESC LIMIT {SearchLimits.MaxResults}",
                match);
            ranked = await candidates
                .Join(articles.Visible(), s => s.Id, a => a.Id, (s, a) => s)
                .OrderBy(s => s.Rank).ThenByDescending(s => s.Id)
                .ToListAsync(ct);
        }
        catch (SqliteException ex)
        {
            // The query is built from quoted terms only, so this is not expected; the reader still gets a page.
            log.LogWarning(ex, "Search failed for a query of {Length} characters", parsed.Text.Length);
            return new SearchResults(parsed.Text, [], page, pageSize, 0);
        }

        var pageRows = ranked.Skip((page - 1) * pageSize).Take(pageSize).ToList();
        var ids = pageRows.Select(r => r.Id).ToList();
        var cards = await articles.Visible().Where(a => ids.Contains(a.Id)).Select(ArticleQueries.ToCard).ToDictionaryAsync(c => c.Id, ct);
        var texts = await articles.Visible().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Standfirst, a.BodyText }).ToDictionaryAsync(t => t.Id, ct);

        var hits = new List<SearchHit>(pageRows.Count);
        foreach (var row in pageRows)
        {
            if (!cards.TryGetValue(row.Id, out var card) || !texts.TryGetValue(row.Id, out var text))
            {
                continue;
            }

            var snippet = SearchSnippet.Matches(text.BodyText, parsed).Count > 0 || text.Standfirst.Length == 0
                ? SearchSnippet.Build(text.BodyText, parsed)
                : SearchSnippet.Build(text.Standfirst, parsed);
            hits.Add(new SearchHit(card, snippet, row.Rank));
        }

        return new SearchResults(parsed.Text, hits, page, pageSize, ranked.Count);
    }

    private sealed record SearchRow(int Id, double Rank);
}
