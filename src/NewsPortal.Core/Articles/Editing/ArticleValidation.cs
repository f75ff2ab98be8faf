using NewsPortal.Core.Text;

namespace NewsPortal.Core.Articles.Editing;

/// <summary>An article's fields as they will be stored: trimmed, cleaned and checked.</summary>
internal sealed record CheckedArticle(
    string Headline, string Standfirst, string Body, string? Source, string? Caption, string? Credit,
    IReadOnlyList<string> Tags, IReadOnlyList<string> Authors);

/// <summary>The rules for what staff type into an article, without the database: lengths, readable text, names.</summary>
internal static class ArticleValidation
{
    public static CheckedArticle Check(ArticleInput input, PublishingState state, Dictionary<string, string> errors)
    {
        var article = new CheckedArticle(
            ArticleInput.Line(input.Headline),
            ArticleInput.Line(input.Standfirst),
            ArticleInput.NormalizeBody(input.Body),
            ArticleInput.Clean(input.Source),
            ArticleInput.Clean(input.CoverCaption),
            ArticleInput.Clean(input.CoverCredit),
            ArticleInput.Names(input.Tags),
            ArticleInput.Names(input.Authors));

        if (article.Headline.Length == 0)
        {
            errors[ArticleField.Headline] = "Write a headline.";
        }
        else if (article.Headline.Length > ArticleLimits.Headline)
        {
            errors[ArticleField.Headline] = $"The headline can be at most {ArticleLimits.Headline} characters; it has {article.Headline.Length}.";
        }

        Limit(errors, ArticleField.Standfirst, "The standfirst", article.Standfirst, ArticleLimits.Standfirst);
        Limit(errors, ArticleField.Body, "The body", article.Body, ArticleLimits.Body);
        Limit(errors, ArticleField.Source, "The source", article.Source, ArticleLimits.Source);
        Limit(errors, ArticleField.CoverCaption, "The caption", article.Caption, ArticleLimits.Caption);
        Limit(errors, ArticleField.CoverCredit, "The credit", article.Credit, ArticleLimits.Credit);
        CheckNames(errors, ArticleField.Tags, "tag", article.Tags);
        CheckNames(errors, ArticleField.Authors, "author", article.Authors);
        foreach (var (field, label, value) in new[]
        {
            (ArticleField.Headline, "The headline", article.Headline), (ArticleField.Standfirst, "The standfirst", article.Standfirst),
            (ArticleField.Body, "The body", article.Body), (ArticleField.Source, "The source", article.Source),
            (ArticleField.CoverCaption, "The caption", article.Caption), (ArticleField.CoverCredit, "The credit", article.Credit),
            (ArticleField.Tags, "The tags", input.Tags), (ArticleField.Authors, "The authors", input.Authors),
        })
        {
            if (PlainText.HasUnreadable(value))
            {
                errors[field] = PlainText.UnreadableError(label);
            }
        }

        if (state.Status is ArticleStatus.Published or ArticleStatus.Scheduled && PlainText.IsBlank(article.Body))
        {
            errors[ArticleField.Body] = "Write the article before publishing it.";
        }

        return article;
    }

    /// <summary>A correction's text as it will be stored, or why it cannot be.</summary>
    public static (string Text, string? Error) CheckCorrection(string? text)
    {
        text = PlainText.MultiLine(text);
        return text.Length == 0 ? (text, "Write the correction readers should see.")
            : PlainText.HasUnreadable(text) ? (text, PlainText.UnreadableError("The correction"))
            : text.Length > ArticleLimits.Correction ? (text, $"A correction can be at most {ArticleLimits.Correction} characters.")
            : (text, null);
    }

    private static void Limit(Dictionary<string, string> errors, string field, string label, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            errors[field] = $"{label} can be at most {max:N0} characters; it has {value.Length:N0}.";
        }
    }

    private static void CheckNames(Dictionary<string, string> errors, string field, string kind, IReadOnlyList<string> names)
    {
        foreach (var name in names)
        {
            if (name.Length > ArticleLimits.Name)
            {
                errors[field] = $"A {kind} name can be at most {ArticleLimits.Name} characters: \"{name[..30]}...\" is longer.";
                return;
            }

            if (Slug.From(name).Length == 0)
            {
                errors[field] = $"The {kind} \"{name}\" needs some letters or digits, in any script, for its web address.";
                return;
            }
        }
    }
}
