namespace NewsPortal.Core.FrontPage;

/// <summary>
/// An article an editor put on the front page: the lead (position 0) or a featured story (positions 1 to
/// <see cref="FrontPageRules.MaxFeatured"/>) of the home page when <see cref="SectionId"/> is null, or the
/// lead of a section (position 0) when it is set.
/// </summary>
public class FrontPagePick
{
    public int Id { get; set; }
    public int? SectionId { get; set; }
    public int Position { get; set; }
    public int ArticleId { get; set; }
}

/// <summary>A line of breaking news shown on every reader page until it expires. One row at most.</summary>
public class BreakingNews
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public string Text { get; set; } = "";

    /// <summary>Where the strip links: a path on this site ("/article/x") or an http(s) address; empty: no link.</summary>
    public string Link { get; set; } = "";
    public DateTime ExpiresAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}

/// <summary>The breaking-news strip as reader pages show it.</summary>
public sealed record BreakingStrip(string Text, string? Link, DateTime ExpiresAt);
