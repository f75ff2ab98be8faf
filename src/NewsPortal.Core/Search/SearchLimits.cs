namespace NewsPortal.Core.Search;

public static class SearchLimits
{
    /// <summary>
    /// A search ranks at most this many matches, the most recent ones, so that a common word costs the
    /// same on a large archive as on a small one: ranking is the cost that grows with the matches (a
    /// common pair of words matched 10,000 articles in the 100,000-article benchmark, where ranking the
    /// newest 1,000 made search 3.8 times slower than on 1,000 articles). Twenty pages of news, the
    /// newest first among equals, is more than readers page through.
    /// </summary>
    public const int MaxResults = 200;

    public const int PageSize = 10;
}
