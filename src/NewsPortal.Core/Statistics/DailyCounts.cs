using System.Text;

namespace NewsPortal.Core.Statistics;

/// <summary>Counted views of one article on one day (the site's local day). Nothing about the readers is kept.</summary>
public class DailyArticleViews
{
    public int ArticleId { get; set; }
    public DateOnly Day { get; set; }
    public long Views { get; set; }
}

/// <summary>How often readers searched for one (normalised) query on one day, and how often it found nothing.</summary>
public class DailySearches
{
    public DateOnly Day { get; set; }
    public string Query { get; set; } = "";
    public long Searches { get; set; }
    public long FoundNothing { get; set; }
}

public static class SearchStatistics
{
    /// <summary>The longest query kept in the counts; longer ones are cut.</summary>
    public const int MaxQueryLength = 100;

    /// <summary>The query as counted: lower case, single spaces, at most <see cref="MaxQueryLength"/> characters.</summary>
    public static string Normalise(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, MaxQueryLength));
        var space = false;
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(char.ToLowerInvariant(c));
            if (builder.Length >= MaxQueryLength)
            {
                break;
            }
        }

        return builder.ToString();
    }
}
