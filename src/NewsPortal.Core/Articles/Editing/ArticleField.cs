namespace NewsPortal.Core.Articles.Editing;

/// <summary>
/// The fields an article save can fault, as the keys of <see cref="ArticleSaveResult.Errors"/>. They name what
/// was typed (the <see cref="ArticleInput"/> properties, the cover, the schedule time, a correction), not a form
/// of any page: a page maps them onto its own fields.
/// </summary>
public static class ArticleField
{
    /// <summary>The save as a whole.</summary>
    public const string Form = "";
    public const string Headline = nameof(ArticleInput.Headline);
    public const string Slug = nameof(ArticleInput.Slug);
    public const string Standfirst = nameof(ArticleInput.Standfirst);
    public const string Body = nameof(ArticleInput.Body);
    public const string Source = nameof(ArticleInput.Source);
    public const string Language = nameof(ArticleInput.Language);
    public const string Translation = nameof(ArticleInput.Translation);
    public const string CoverCaption = nameof(ArticleInput.CoverCaption);
    public const string CoverCredit = nameof(ArticleInput.CoverCredit);
    public const string Section = nameof(ArticleInput.SectionId);
    public const string Tags = nameof(ArticleInput.Tags);
    public const string Authors = nameof(ArticleInput.Authors);
    public const string Cover = "Cover";
    public const string ScheduleAt = "ScheduleAt";
    public const string Correction = "Correction";
}
