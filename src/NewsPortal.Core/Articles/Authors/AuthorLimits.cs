namespace NewsPortal.Core.Articles;

/// <summary>Limits of an author's profile, shared by the form, the rules and the database.</summary>
public static class AuthorLimits
{
    public const int Slug = 100;
    public const int Bio = 1000;
    public const int Links = 2000;
    public const int MaxLinks = 8;
    public const int LinkLength = 300;
}
