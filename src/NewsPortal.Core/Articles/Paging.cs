namespace NewsPortal.Core.Articles;

/// <summary>One page of a listing, with what the page links need.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public int TotalPages => TotalCount == 0 ? 1 : (int)Math.Ceiling(TotalCount / (double)PageSize);
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < TotalPages;
}

/// <summary>
/// One page of an article listing. No total is counted: a page costs the same at any depth, and
/// whether a next page exists is known by reading one card more than the page shows.
/// </summary>
public sealed record ArticlePage(IReadOnlyList<ArticleCard> Items, int Page, int PageSize, bool HasNext)
{
    public bool HasPrevious => Page > 1;
}

public static class Paging
{
    public const int DefaultPageSize = 20;

    /// <summary>The largest page number accepted in a URL; larger answers 404 rather than a huge offset.</summary>
    public const int MaxPage = 1_000_000;

    /// <summary>Parses a ?page= value. Null means the value is not a page number a reader could reach.</summary>
    public static int? Parse(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return 1;
        }

        // Only ASCII digits without leading zeros: int.TryParse alone would also take "1\0" (trailing NULs) or "01",
        // so one page would answer at many addresses.
        return raw.Length <= 7 && raw[0] != '0' && raw.All(char.IsAsciiDigit)
            && int.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var page)
            && page is >= 1 and <= MaxPage
            ? page
            : null;
    }
}
