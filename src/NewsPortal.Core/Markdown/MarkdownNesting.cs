namespace NewsPortal.Core.Markdown;

/// <summary>
/// Markdown nested deeper than anyone writes (lists in lists, quotes in quotes) is refused before it is parsed:
/// Markdig refuses it too, but only after parsing it, which for a few hundred thousand characters of "- - - - ..."
/// takes many seconds of a server's time. This pass reads each line's leading markers once, in linear time.
/// Inline nesting (brackets, emphasis) parses quickly and is left to Markdig's own limit (see <see cref="MarkdownRenderer.TryRender"/>).
/// </summary>
public static class MarkdownNesting
{
    /// <summary>The deepest nesting of quotes and lists accepted at the start of a line.</summary>
    public const int MaxLevels = 32;

    /// <summary>The widest indentation accepted (in columns; a tab counts four): enough for any list a person nests.</summary>
    public const int MaxIndent = 160;

    public const string TooDeep = "The text is nested too deeply (quotes or lists inside each other more than 32 levels, or indented by more than 160 spaces). Flatten it and try again.";

    /// <summary>Null when <paramref name="markdown"/> nests within the limits, else what to tell the writer.</summary>
    public static string? Problem(string markdown)
    {
        var line = 0;
        while (line < markdown.Length)
        {
            var end = markdown.IndexOf('\n', line);
            end = end < 0 ? markdown.Length : end;
            if (TooDeepLine(markdown.AsSpan(line, end - line)))
            {
                return TooDeep;
            }

            line = end + 1;
        }

        return null;
    }

    private static bool TooDeepLine(ReadOnlySpan<char> line)
    {
        var levels = 0;
        var columns = 0;
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if (c == ' ')
            {
                columns++;
                i++;
            }
            else if (c == '\t')
            {
                columns += 4;
                i++;
            }
            else if (c == '>')
            {
                levels++;
                i++;
            }
            else if ((c is '-' or '*' or '+') && i + 1 < line.Length && line[i + 1] is ' ' or '\t')
            {
                levels++;
                i++;
            }
            else if (char.IsAsciiDigit(c) && OrderedMarker(line[i..]) is > 0 and var length)
            {
                levels++;
                i += length;
            }
            else
            {
                break;
            }

            if (levels > MaxLevels || columns > MaxIndent)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The length of an ordered list marker ("12." or "3)" and a space) at the start, or 0.</summary>
    private static int OrderedMarker(ReadOnlySpan<char> text)
    {
        var digits = 0;
        while (digits < text.Length && digits < 10 && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        return digits + 1 < text.Length && text[digits] is '.' or ')' && text[digits + 1] is ' ' or '\t' ? digits + 1 : 0;
    }
}
