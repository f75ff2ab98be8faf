using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Data;

namespace NewsPortal.Core.Search;

/// <summary>
/// Search on SQLite: the FTS5 table "ArticleSearch" (porter stemming over unicode61, Chinese as bigrams).
/// The newest matches that readers may see are ranked by where each query term occurs: in the headline
/// above the standfirst above only the body; among equals, the newest first.
/// <para>
/// FTS5's own bm25 would weigh rare words above common ones, but to know how rare a word is it reads every
/// article that contains it on every search (1.3 ms per search at 100,000 articles, against 0.03 ms at 1,000),
/// so search would grow slower as the archive grows. Where the terms occur is read for the candidates only:
/// one column-filtered match per term and column, limited to the candidates' range of the index.
/// </para>
/// </summary>
public sealed class SqliteArticleSearch(NewsDbContext db, ArticleQueries articles, TimeProvider clock, ILogger<SqliteArticleSearch> log) : IArticleSearch
{
    /// <summary>What a term is worth in each column it occurs in (every candidate matches every term somewhere).</summary>
    private static readonly (string Column, double Weight)[] Columns = [("Headline", 10.0), ("Standfirst", 4.0)];

    public async Task<SearchResults> SearchAsync(string query, int page, int pageSize, CancellationToken ct = default)
    {
        var parsed = SearchQuery.Parse(query);
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 100);
        if (!parsed.HasTerms)
        {
            return new SearchResults(parsed.Text, [], page, pageSize, 0);
        }

        await using var connection = await HeldConnection.OpenAsync(db, ct);
        List<SearchRow> ranked;
        try
        {
            ranked = await RankAsync(parsed, ct);
        }
        catch (SqliteException ex)
        {
            // The query is built from quoted terms only, so this is not expected; the reader still gets a page.
            log.LogWarning(ex, "Search failed for a query of {Length} characters", parsed.Text.Length);
            return new SearchResults(parsed.Text, [], page, pageSize, 0);
        }

        var pageRows = ranked.Skip((page - 1) * pageSize).Take(pageSize).ToList();
        var ids = pageRows.Select(r => r.Id).ToList();
        var found = await articles.Visible().Where(a => ids.Contains(a.Id)).Select(ArticleQueries.ToCardAndBody).ToDictionaryAsync(c => c.Card.Id, ct);

        var hits = new List<SearchHit>(pageRows.Count);
        foreach (var row in pageRows)
        {
            if (!found.TryGetValue(row.Id, out var article))
            {
                continue;
            }

            var (card, body) = article;

            var snippet = SearchSnippet.Matches(body, parsed).Count > 0 || card.Standfirst.Length == 0
                ? SearchSnippet.Build(body, parsed)
                : SearchSnippet.Build(card.Standfirst, parsed);
            hits.Add(new SearchHit(card, snippet, row.Rank));
        }

        return new SearchResults(parsed.Text, hits, page, pageSize, ranked.Count);
    }

    /// <summary>
    /// The ranking's two statements go to the connection directly: they are fixed SQL over the index, and EF Core's
    /// raw-SQL queries re-evaluate their arguments on every call, which cost more than the statements themselves.
    /// </summary>
    private async Task<List<SearchRow>> RankAsync(SearchQuery parsed, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();

        // The newest matches (rowid order is the index's own), of those only the ones readers may see: published,
        // and published by now (the same rule as ArticleQueries.Visible).
        var candidates = new Dictionary<int, DateTime>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = CandidatesSql;
            Add(command, "$match", parsed.ToFts5Match());
            Add(command, "$published", (int)ArticleStatus.Published);
            Add(command, "$now", clock.GetUtcNow().UtcDateTime);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                candidates[reader.GetInt32(0)] = reader.GetDateTime(1);
            }
        }

        if (candidates.Count == 0)
        {
            return [];
        }

        // Each term in each weighted column, over the candidates' range of rowids only.
        var scores = candidates.Keys.ToDictionary(id => id, _ => 1.0);
        await using (var command = connection.CreateCommand())
        {
            var arms = new List<string>();
            Add(command, "$from", candidates.Keys.Min());
            foreach (var term in parsed.Terms)
            {
                foreach (var (column, weight) in Columns)
                {
                    var name = "$t" + arms.Count.ToString(CultureInfo.InvariantCulture);
                    Add(command, name, $"{column} : {SearchQuery.ToFts5(term)}");
                    arms.Add(string.Create(CultureInfo.InvariantCulture,
                        $"SELECT rowid, {weight:F1} FROM {SqliteSearchIndex.Table} WHERE {SqliteSearchIndex.Table} MATCH {name} AND rowid >= $from"));
                }
            }

            command.CommandText = string.Join(" UNION ALL ", arms);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetInt32(0);
                if (scores.TryGetValue(id, out var score))
                {
                    scores[id] = score + reader.GetDouble(1);
                }
            }
        }

        // Among equals the newest publication first: an article's id is when it was written, not when it went out.
        return scores.Select(s => new SearchRow(s.Key, s.Value))
            .OrderByDescending(r => r.Rank).ThenByDescending(r => candidates[r.Id]).ThenByDescending(r => r.Id)
            .ToList();
    }

    private static readonly string CandidatesSql =
        $"SELECT s.rowid, a.PublishedAt FROM (SELECT rowid FROM {SqliteSearchIndex.Table} WHERE {SqliteSearchIndex.Table} MATCH $match " +
        $"ORDER BY rowid DESC LIMIT {SearchLimits.MaxResults}) AS s " +
        "JOIN Articles AS a ON a.Id = s.rowid WHERE a.Status = $published AND a.PublishedAt <= $now";

    private static void Add(System.Data.Common.DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <param name="Rank">Higher ranks first.</param>
    private sealed record SearchRow(int Id, double Rank);

}
