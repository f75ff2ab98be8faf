using System.Text;

namespace NewsPortal.Core.Text;

/// <summary>
/// How text people type is cleaned before it is stored, wherever it comes from (the message form, the article
/// editor, notes, staff names, imports): control characters go, and so do the invisible format characters that
/// can reorder or hide text (bidi overrides, zero-width spaces). Stored text then never holds a character that
/// breaks an XML feed, a CSV export or a log line, or that makes one text look like another.
/// </summary>
public static class PlainText
{
    /// <summary>One line of text: line breaks and tabs become spaces, other unwanted characters go, runs of spaces become one; then trimmed.</summary>
    public static string SingleLine(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            var next = c is '\n' or '\r' or '\t' ? ' ' : c;
            if (next == ' ' && builder.Length > 0 && builder[^1] == ' ')
            {
                continue;
            }

            if (next == ' ' || !IsUnwanted(next))
            {
                builder.Append(next);
            }
        }

        return builder.ToString().Trim();
    }

    /// <summary>Several lines of text: line breaks become "\n", tabs stay, other unwanted characters go; then trimmed.</summary>
    public static string MultiLine(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        value = value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '\n' or '\t' || !IsUnwanted(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Trim();
    }

    /// <summary>
    /// True when <paramref name="value"/> holds U+FFFD, the character a decoder puts where the bytes sent were not
    /// valid UTF-8: what was meant there is lost, so the text is not stored as if it were what was typed.
    /// </summary>
    public static bool HasUnreadable(string? value) => value is not null && value.Contains('\uFFFD', StringComparison.Ordinal);

    /// <summary>True when <paramref name="value"/> shows nothing: only white space, control and invisible format characters.</summary>
    public static bool IsBlank(string? value) =>
        string.IsNullOrEmpty(value)
        || value.All(c => char.IsWhiteSpace(c) || char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format);

    /// <summary>The explanation shown beside a field holding text that could not be decoded; {0} is the field's label.</summary>
    public const string UnreadableFormat =
        "{0} contains characters that could not be read (shown as \uFFFD); the text may have been damaged on the way. Please type it again.";

    /// <summary>The explanation shown beside a field holding text that could not be decoded.</summary>
    public static string UnreadableError(string label) => ReaderText.Of(UnreadableFormat, (ReaderText)label).ToString();

    /// <summary>Bidi embedding, override and isolate controls: invisible, and able to show text in another order than it is stored.</summary>
    public static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    private static bool IsUnwanted(char c) =>
        char.IsControl(c)
        || c is '\u200B' or '\u200E' or '\u200F' or '\u2028' or '\u2029' or '\uFEFF'
        || IsBidiControl(c);
}
