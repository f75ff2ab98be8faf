using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Data;

namespace NewsPortal.Core.Search;

/// <summary>
/// Search on PostgreSQL. English words go through full-text search: a stored tsvector over the headline
/// (weight A), standfirst (B) and body text (C), analysed by the article's language ('english' for English
/// articles, 'simple' for Chinese ones: migration "ArticleLanguage"), ranked with ts_rank; the query is
/// analysed the same way for each article.
/// The english parser keeps a run of Chinese characters as one token, so Chinese is matched as text instead:
/// every run of CJK characters in the query must occur in the article (LIKE, served by a pg_trgm index).
/// The column and indexes come from the PostgreSQL migration "SearchIndex".
/// </summary>
public sealed partial class PostgresArticleSearch(NewsDbContext db, TimeProvider clock) : IArticleSearch
{
    /// <summary>Longer queries are cut: nobody types more, and the database should not be asked to.</summary>
    public const int MaxQueryLength = 200;

    // Private-use characters mark highlights in ts_headline's output until the text is HTML-escaped.
    private const char MarkStart = '\uE000';
    private const char MarkEnd = '\uE001';

    // ts_headline drops what its parser takes for tags and entities, so '<', '>' and '&' pass through it
    // as stand-ins and come back as text. Stand-ins and markers already in the text are deleted first.
    private const string HeadlineFrom = "<>&\uE000\uE001\uE002\uE003\uE004";
    private const string HeadlineTo = "\uE002\uE003\uE004";

    public async Task<SearchResults> SearchAsync(string query, int page, int pageSize, CancellationToken ct = default)
    {
        var terms = SearchTerms.Parse(query);
        page = Math.Max(page, 1);
        pageSize = Math.Clamp(pageSize, 1, 100);
        if (terms.IsEmpty)
        {
            return new SearchResults(terms.Text, [], page, pageSize, 0);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var skip = (page - 1) * pageSize;
        var rows = await QueryAsync(terms, now, skip, pageSize, ct);
        var total = rows.Count > 0 ? rows[0].Total
            : skip > 0 ? (await QueryAsync(terms, now, 0, 1, ct)).FirstOrDefault()?.Total ?? 0
            : 0;

        var ids = rows.Select(r => r.Id).ToList();
        var cards = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(ArticleQueries.ToCard).ToDictionaryAsync(c => c.Id, ct);
        var hits = rows
            .Where(r => cards.ContainsKey(r.Id))
            .Select(r => new SearchHit(cards[r.Id], Highlight(r.Snippet, terms.Chinese), r.Rank))
            .ToList();
        return new SearchResults(terms.Text, hits, page, pageSize, total);
    }

    /// <summary>
    /// One statement: the newest matches (at most <see cref="SearchLimits.MaxResults"/>, as on SQLite, so that
    /// ranking costs the same on any archive) in rank order, their count, and a snippet for each row asked for.
    /// </summary>
    private async Task<List<Row>> QueryAsync(SearchTerms terms, DateTime now, int skip, int take, CancellationToken ct)
    {
        var words = terms.Words;
        var patterns = terms.Chinese.Select(c => "%" + c + "%").ToArray();
        var firstChinese = terms.Chinese.Count > 0 ? terms.Chinese[0] : "";
        var headlineOptions = $"StartSel=\"{MarkStart}\", StopSel=\"{MarkEnd}\", MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=\" … \"";

        // A query of stop words only ("the") has no lexemes: it then neither matches nor filters.
        return await db.Database.SqlQuery<Row>($"""
            WITH q AS (
                SELECT t.query, t.simple, numnode(t.query) > 0 OR numnode(t.simple) > 0 AS useful, cardinality({patterns}::text[]) > 0 AS chinese
                FROM (SELECT websearch_to_tsquery('english', {words}) AS query, websearch_to_tsquery('simple', {words}) AS simple) t
            ),
            candidates AS (
                SELECT a."Id"
                FROM "Articles" a CROSS JOIN q
                WHERE a."Status" = {(int)ArticleStatus.Published} AND a."PublishedAt" <= {now}
                  AND (q.useful OR q.chinese)
                  AND (NOT q.useful OR ((a."SearchVector" @@ q.query OR a."SearchVector" @@ q.simple)
                       AND a."SearchVector" @@ (CASE WHEN a."Language" = 'en' THEN q.query ELSE q.simple END)))
                  AND (a."Headline" || ' ' || a."Standfirst" || ' ' || a."BodyText") LIKE ALL ({patterns}::text[])
                ORDER BY a."PublishedAt" DESC, a."Id" DESC
                LIMIT {SearchLimits.MaxResults}
            ),
            hits AS (
                SELECT a."Id", a."PublishedAt", a."BodyText", a."Language",
                       (CASE WHEN q.useful THEN ts_rank(a."SearchVector", CASE WHEN a."Language" = 'en' THEN q.query ELSE q.simple END) ELSE 0 END)
                     + (CASE WHEN NOT q.chinese THEN 0
                             WHEN a."Headline" LIKE ALL ({patterns}::text[]) THEN 1.0
                             WHEN a."Standfirst" LIKE ALL ({patterns}::text[]) THEN 0.4
                             ELSE 0.1 END) AS "Rank"
                FROM candidates c JOIN "Articles" a ON a."Id" = c."Id" CROSS JOIN q
            )
            SELECT h."Id", h."Rank"::double precision AS "Rank", (count(*) OVER ())::int AS "Total",
                   CASE WHEN q.useful
                        THEN ts_headline(CASE WHEN h."Language" = 'en' THEN 'english'::regconfig ELSE 'simple'::regconfig END,
                            translate(h."BodyText", {HeadlineFrom}, {HeadlineTo}), CASE WHEN h."Language" = 'en' THEN q.query ELSE q.simple END, {headlineOptions})
                        ELSE translate(substr(h."BodyText", greatest(strpos(h."BodyText", {firstChinese}) - 60, 1), 180), {HeadlineFrom}, {HeadlineTo})
                   END AS "Snippet"
            FROM hits h CROSS JOIN q
            ORDER BY h."Rank" DESC, h."PublishedAt" DESC, h."Id" DESC
            OFFSET {skip} LIMIT {take}
            """).ToListAsync(ct);
    }

    /// <summary>HTML-escapes the snippet, then turns the highlight markers and Chinese matches into &lt;mark&gt;.</summary>
    internal static string Highlight(string snippet, IReadOnlyList<string> chinese)
    {
        var html = new StringBuilder(WebUtility.HtmlEncode(snippet.Trim()));
        html.Replace(MarkStart.ToString(), "<mark>").Replace(MarkEnd.ToString(), "</mark>")
            .Replace("\uE002", "&lt;").Replace("\uE003", "&gt;").Replace("\uE004", "&amp;");
        var text = html.ToString();
        foreach (var run in chinese.Distinct().OrderByDescending(c => c.Length))
        {
            // Runs hold only CJK characters, which HTML-escaping leaves alone, so they can be found in the HTML.
            text = text.Replace(run, "<mark>" + run + "</mark>", StringComparison.Ordinal);
        }

        return text.Replace("</mark><mark>", "", StringComparison.Ordinal);
    }

    private sealed record Row(int Id, double Rank, int Total, string Snippet);
}

/// <summary>A reader's query as PostgreSQL search takes it: English words (for full-text search) and runs of CJK characters.</summary>
internal sealed partial record SearchTerms(string Text, string Words, IReadOnlyList<string> Chinese)
{
    public bool IsEmpty => Words.Length == 0 && Chinese.Count == 0;

    public static SearchTerms Parse(string? query)
    {
        var text = Clean(query ?? "");
        if (text.Length > PostgresArticleSearch.MaxQueryLength)
        {
            var cut = PostgresArticleSearch.MaxQueryLength;
            text = text[..(char.IsHighSurrogate(text[cut - 1]) ? cut - 1 : cut)];
        }

        var chinese = CjkRun().Matches(text).Select(m => m.Value).Distinct().ToList();
        var rest = CjkRun().Replace(text, " ");
        var words = HasWord().IsMatch(rest) ? rest.Trim() : "";
        return new SearchTerms(text, words, chinese);
    }

    /// <summary>Drops control characters (PostgreSQL refuses NUL), unpaired surrogates and the highlight markers.</summary>
    private static string Clean(string query)
    {
        var kept = new StringBuilder(Math.Min(query.Length, PostgresArticleSearch.MaxQueryLength * 2));
        for (var i = 0; i < query.Length; i++)
        {
            var c = query[i];
            if (char.IsHighSurrogate(c) && i + 1 < query.Length && char.IsLowSurrogate(query[i + 1]))
            {
                kept.Append(c).Append(query[++i]);
            }
            else if (!char.IsControl(c) && !char.IsSurrogate(c) && c is < '\uE000' or > '\uE004')
            {
                kept.Append(c);
            }
        }

        return kept.ToString().Trim();
    }

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}\p{IsCJKUnifiedIdeographsExtensionA}\p{IsCJKCompatibilityIdeographs}\p{IsHiragana}\p{IsKatakana}\p{IsHangulSyllables}]+", RegexOptions.CultureInvariant)]
    private static partial Regex CjkRun();

    [GeneratedRegex(@"[\p{L}\p{N}]", RegexOptions.CultureInvariant)]
    private static partial Regex HasWord();
}
