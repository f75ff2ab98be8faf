using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NewsPortal.Core.Articles.Import;

/// <summary>An article as a Markdown file with YAML front matter describes it. Times are UTC.</summary>
public sealed record ArticleDocument(
    string Headline,
    string? Slug,
    string Section,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Authors,
    string Standfirst,
    DateTime? PublishedAt,
    ArticleStatus Status,
    string? Source,
    string Body,
    string? Language = null);

public sealed record FrontMatterResult(ArticleDocument? Document, string? Error);

/// <summary>
/// Reads and writes articles as Markdown files that start with YAML front matter:
/// <code>
/// ---
/// headline: Metro line 27 opens
/// slug: metro-line-27-opens
/// section: city
/// tags: [transport, metro]
/// authors: [Li Wei]
/// standfirst: The new line links the airport with the centre.
/// published: 2026-11-29T09:00:00+08:00
/// status: published
/// source: NewsPortal
/// language: en
/// ---
/// The body, in Markdown.
/// </code>
/// A time without an offset is in the site's time zone. Without a status, an article with a published
/// time is published (scheduled if the time is still to come) and one without is a draft.
/// </summary>
public static partial class FrontMatter
{
    public static readonly IReadOnlyList<string> Fields =
        ["headline", "slug", "section", "tags", "authors", "author", "standfirst", "published", "status", "source", "language"];

    public static FrontMatterResult Parse(string text, TimeZoneInfo zone)
    {
        text = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal);
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
        {
            return Refuse("bad front matter: the file must start with a line \"---\", then the fields, then another \"---\"");
        }

        var end = ClosingLine().Match(text, 4);
        if (!end.Success)
        {
            return Refuse("bad front matter: no closing \"---\" line after the fields");
        }

        var yaml = text[4..end.Index];
        var body = text[(end.Index + end.Length)..].TrimStart('\n');
        if (yaml.Length > MaxFrontMatterChars)
        {
            return Refuse($"bad front matter: the fields take {yaml.Length:N0} characters; at most {MaxFrontMatterChars:N0} are read");
        }

        // The YAML parser recurses once per level of nesting: a file of nothing but "[[[[..." would exhaust the
        // stack and end the process, which no exception handler can catch. Front matter needs two levels.
        if (NestingDepth(yaml) > MaxNesting)
        {
            return Refuse($"bad front matter: lists or maps are nested more than {MaxNesting} deep");
        }

        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
            {
                return Refuse("bad front matter: expected fields such as \"headline: ...\"");
            }

            root = mapping;
        }
        catch (YamlException ex)
        {
            return Refuse($"bad front matter: {FirstLine(ex.Message)} (line {ex.Start.Line + 1})");
        }
        catch (InvalidOperationException)
        {
            // The YAML scanner gives up this way on some unfinished input, such as an unclosed "[".
            return Refuse("bad front matter: the YAML is unfinished (an unclosed bracket or quote?)");
        }

        var values = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value?.Trim().ToLowerInvariant() ?? "";
            if (!Fields.Contains(key))
            {
                return Refuse($"bad front matter: unknown field \"{key}\" (known fields: {string.Join(", ", Fields)})");
            }

            if (!values.TryAdd(key, valueNode))
            {
                return Refuse($"bad front matter: the field \"{key}\" appears twice");
            }
        }

        string? error = null;
        string? Scalar(string key)
        {
            if (!values.TryGetValue(key, out var node))
            {
                return null;
            }

            if (node is YamlScalarNode scalar)
            {
                return string.IsNullOrWhiteSpace(scalar.Value) ? null : scalar.Value.Trim();
            }

            error ??= $"bad front matter: \"{key}\" must be a single value";
            return null;
        }

        IReadOnlyList<string> List(string key)
        {
            if (!values.TryGetValue(key, out var node))
            {
                return [];
            }

            switch (node)
            {
                case YamlScalarNode scalar:
                    return Editing.ArticleInput.Names(scalar.Value);
                case YamlSequenceNode sequence when sequence.Children.All(c => c is YamlScalarNode):
                    return Editing.ArticleInput.Names(string.Join(",", sequence.Children.Cast<YamlScalarNode>().Select(c => c.Value)));
                default:
                    error ??= $"bad front matter: \"{key}\" must be a list of names";
                    return [];
            }
        }

        var headline = Scalar("headline");
        var slug = Scalar("slug");
        var section = Scalar("section");
        var tags = List("tags");
        var authors = List("authors").Concat(List("author")).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var standfirst = Scalar("standfirst") ?? "";
        var publishedText = Scalar("published");
        var statusText = Scalar("status");
        var source = Scalar("source");
        var languageText = Scalar("language");
        if (error is not null)
        {
            return Refuse(error);
        }

        if (headline is null)
        {
            return Refuse("bad front matter: no headline");
        }

        if (section is null)
        {
            return Refuse("bad front matter: no section");
        }

        DateTime? published = null;
        if (publishedText is not null)
        {
            published = ParseTime(publishedText, zone);
            if (published is null)
            {
                return Refuse($"bad front matter: \"{publishedText}\" is not a time (use 2026-11-29T09:00:00+08:00, or 2026-11-29 09:00 in the site's time zone)");
            }
        }

        string? language = null;
        if (languageText is not null && (language = ArticleLanguage.Find(languageText)) is null)
        {
            return Refuse("bad front matter: " + ArticleLanguage.Unknown(languageText));
        }

        ArticleStatus status;
        if (statusText is null)
        {
            status = published is null ? ArticleStatus.Draft : ArticleStatus.Published;
        }
        else if (Enum.GetNames<ArticleStatus>().FirstOrDefault(n => n.Equals(statusText, StringComparison.OrdinalIgnoreCase)) is { } name)
        {
            status = Enum.Parse<ArticleStatus>(name);
        }
        else
        {
            return Refuse($"bad front matter: unknown status \"{statusText}\" (use draft, scheduled, published or unpublished)");
        }

        return new FrontMatterResult(new ArticleDocument(headline, slug, section, tags, authors, standfirst, published, status, source, body, language), null);
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    private static FrontMatterResult Refuse(string error) => new(null, error);

    [GeneratedRegex(@"^(---|\.\.\.)[ \t]*(\n|$)", RegexOptions.Multiline)]
    private static partial Regex ClosingLine();
}
