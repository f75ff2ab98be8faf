namespace NewsPortal.Core.Search;

public static class SearchLimits
{
    /// <summary>
    /// A search ranks at most this many matches, the most recent ones, so that a common word costs the
    /// same on a large archive as on a small one. Readers rarely page past the first few results.
    /// </summary>
    public const int MaxResults = 1000;

    public const int PageSize = 10;
}
