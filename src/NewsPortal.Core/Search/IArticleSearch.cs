using NewsPortal.Core.Articles;

namespace NewsPortal.Core.Search;

/// <summary>One search result: the article, a snippet with the matched words highlighted, and its rank.</summary>
/// <param name="SnippetHtml">HTML-escaped text in which only &lt;mark&gt; elements are markup.</param>
public sealed record SearchHit(ArticleCard Article, string SnippetHtml, double Rank);

public sealed record SearchResults(string Query, IReadOnlyList<SearchHit> Hits, int Page, int PageSize, int TotalCount)
{
    public int TotalPages => TotalCount == 0 ? 1 : (int)Math.Ceiling(TotalCount / (double)PageSize);
}

/// <summary>
/// Ranked full-text search over the headline, standfirst and body of visible articles.
/// Each database provider brings its own implementation (SQLite FTS5, PostgreSQL full-text search).
/// </summary>
public interface IArticleSearch
{
    Task<SearchResults> SearchAsync(string query, int page, int pageSize, CancellationToken ct = default);
}
