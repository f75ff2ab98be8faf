namespace NewsPortal.Core.Articles;

/// <summary>Field lengths shared by the database schema and form validation.</summary>
public static class ArticleLimits
{
    public const int Headline = 200;
    public const int Slug = 120;
    public const int Standfirst = 600;
    public const int Body = 200_000;
}
