namespace NewsPortal.Core.Articles.Editing;

/// <summary>Which slug an article gets, and when a slug may not be used.</summary>
public static class SlugRules
{
    /// <summary>
    /// The slug to use: the typed one in canonical form, or one made from the headline when none was typed.
    /// Empty when neither yields letters or digits in any script (a headline of punctuation only, for example).
    /// </summary>
    public static (string Slug, bool Generated) Choose(string? typed, string headline) =>
        string.IsNullOrWhiteSpace(typed) ? (Slug.From(headline), true) : (Slug.From(typed), false);

    /// <summary>
    /// Why <paramref name="articleId"/> (null: a new article) may not use a slug that is the current slug of
    /// <paramref name="currentOwner"/> or an old slug of <paramref name="formerOwner"/>; null when it may.
    /// </summary>
    public static string? Conflict(int? articleId, int? currentOwner, int? formerOwner)
    {
        if (currentOwner is { } current && current != articleId)
        {
            return "Another article already uses this slug. Choose a different one.";
        }

        if (formerOwner is { } former && former != articleId)
        {
            return "Another article used this slug before, and its old links still lead there. Choose a different one.";
        }

        return null;
    }

    /// <summary>
    /// <paramref name="slug"/> itself, or the first of slug-2, slug-3, ... that is not taken, kept within the length limit.
    /// </summary>
    public static string MakeUnique(string slug, Func<string, bool> isTaken)
    {
        if (!isTaken(slug))
        {
            return slug;
        }

        for (var n = 2; ; n++)
        {
            var suffix = "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var stem = slug.Length + suffix.Length > ArticleLimits.Slug ? slug[..(ArticleLimits.Slug - suffix.Length)].TrimEnd('-') : slug;
            var candidate = stem + suffix;
            if (!isTaken(candidate))
            {
                return candidate;
            }
        }
    }
}
