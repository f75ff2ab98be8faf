namespace NewsPortal.Core.Articles;

/// <summary>Field lengths shared by the database schema (ArticleConfiguration) and form validation (ArticleValidation).</summary>
public static class ArticleLimits
{
    public const int Headline = 200;
    public const int Slug = 120;
    public const int Standfirst = 600;
    public const int Body = 200_000;
    public const int Source = 200;
    public const int Caption = 500;
    public const int Credit = 200;
    public const int Correction = 2000;

    /// <summary>Names of sections, tags and authors.</summary>
    public const int Name = 100;

    /// <summary>Who saved a revision.</summary>
    public const int EditedBy = 256;
}
