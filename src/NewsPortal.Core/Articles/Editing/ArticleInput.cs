namespace NewsPortal.Core.Articles.Editing;

/// <summary>Everything staff type into the article form (or an import file carries), before it is checked.</summary>
public sealed class ArticleInput
{
    public string Headline { get; set; } = "";

    /// <summary>Left empty, the slug is made from the headline.</summary>
    public string? Slug { get; set; }

    public string? Standfirst { get; set; }

    public int SectionId { get; set; }

    /// <summary>Comma-separated tag names; unknown tags are created.</summary>
    public string? Tags { get; set; }

    /// <summary>Comma-separated author names; unknown authors are created.</summary>
    public string? Authors { get; set; }

    public string? Body { get; set; }

    public string? Source { get; set; }

    /// <summary>The article's language (<see cref="ArticleLanguage"/>); empty: English.</summary>
    public string? Language { get; set; }

    /// <summary>The same story in the other language: its address or number; empty: none.</summary>
    public string? Translation { get; set; }

    public string? CoverCaption { get; set; }

    public string? CoverCredit { get; set; }

    /// <summary>A picture of the media library (its number) to make the cover, instead of an upload.</summary>
    public int? CoverFromLibrary { get; set; }

    /// <summary>Drop the current cover image from the article.</summary>
    public bool RemoveCover { get; set; }

    /// <summary>
    /// A cover chosen on this form before it was shown again (a preview, a mistake to correct), kept as a pending
    /// upload (a hidden field with its storage name) so that the save uses it without choosing the file again.
    /// </summary>
    public string? PendingCover { get; set; }

    /// <summary>
    /// The article's version when the form was opened (a hidden field). A save is refused when the article has
    /// changed since; null (new articles, imports, restores) is not checked.
    /// </summary>
    public long? Version { get; set; }

    /// <summary>Splits a comma-separated list of names, trimmed, without blanks or repeats (by slug).</summary>
    public static IReadOnlyList<string> Names(string? list)
    {
        if (string.IsNullOrWhiteSpace(list))
        {
            return [];
        }

        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in list.Split([',', '，', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var name = Text.PlainText.SingleLine(raw);
            if (name.Length == 0)
            {
                continue;
            }

            var key = Articles.Slug.From(name);
            if (seen.Add(key.Length > 0 ? key : name))
            {
                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>Markdown as stored: Unix line endings, no control characters, no trailing blank space.</summary>
    public static string NormalizeBody(string? body) =>
        Markdown.MarkdownRenderer.Normalize(body?.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n')).TrimEnd();

    /// <summary>A one-line field as stored: control and invisible format characters dropped, spaces collapsed, trimmed.</summary>
    public static string Line(string? value) => Text.PlainText.SingleLine(value);

    /// <summary>An optional one-line field as stored (<see cref="Line"/>); blank becomes null.</summary>
    public static string? Clean(string? value) => Line(value) is { Length: > 0 } line ? line : null;
}
