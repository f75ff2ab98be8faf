using System.Globalization;
using NewsPortal.Core.Markdown;

namespace NewsPortal.Core.Articles.Editing;

/// <summary>The checks an article body passes before it is saved or previewed: the same for both.</summary>
public static class ArticleBody
{
    /// <summary>
    /// Renders a normalised body (<see cref="ArticleInput.NormalizeBody"/>), or returns what is wrong with it: longer
    /// than <see cref="ArticleLimits.Body"/> characters, or nested too deeply to render.
    /// </summary>
    public static string? Check(string body, MarkdownRenderer markdown, out RenderedMarkdown rendered) => Check(body, markdown, null, out rendered);

    /// <summary>As <see cref="Check(string, MarkdownRenderer, out RenderedMarkdown)"/>, with library pictures, galleries and videos (and off-site pictures refused).</summary>
    public static string? Check(string body, MarkdownRenderer markdown, Media.Library.BodyMedia? media, out RenderedMarkdown rendered)
    {
        rendered = new RenderedMarkdown("", "", 0);
        if (body.Length > ArticleLimits.Body)
        {
            return string.Create(CultureInfo.InvariantCulture, $"The body can be at most {ArticleLimits.Body:N0} characters; it has {body.Length:N0}.");
        }

        if (!markdown.TryRender(body, out rendered, out var problem, media is null ? null : media.Apply))
        {
            return problem;
        }

        return media is { Problems.Count: > 0 } ? string.Join(" ", media.Problems.Distinct()) : null;
    }
}
