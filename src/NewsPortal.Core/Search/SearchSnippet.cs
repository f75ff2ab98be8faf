using System.Net;
using System.Text;

namespace NewsPortal.Core.Search;

/// <summary>
/// A short extract of an article's plain text around the first place the query matches, HTML-escaped,
/// with the matched words wrapped in &lt;mark&gt;. English words match loosely by stem ("restoring" marks
/// "restoration" and "restored", as the index's stemmer finds them); Chinese terms match as written.
/// </summary>
public static class SearchSnippet
{
    /// <summary>About how many characters a snippet shows.</summary>
    public const int Length = 240;

    private const int Lead = 60;

    private static readonly string[] Suffixes =
        ["ational", "ations", "ation", "ments", "ment", "ingly", "ings", "ing", "edly", "ions", "ion", "ies", "ers", "er", "ed", "es", "ly", "s", "e", "y"];

    public static string Build(string? text, SearchQuery query)
    {
        text = Flatten(text);
        if (text.Length == 0)
        {
            return "";
        }

        var matches = Matches(text, query);
        var start = 0;
        if (matches.Count > 0 && matches[0].Start > Lead)
        {
            start = WordStartBefore(text, matches[0].Start - Lead);
        }

        var end = Math.Min(text.Length, start + Length);
        if (end < text.Length)
        {
            var space = text.LastIndexOf(' ', end);
            if (space > start + (Length / 2))
            {
                end = space;
            }
            else if (char.IsLowSurrogate(text[end]))
            {
                end--;
            }
        }

        var html = new StringBuilder(Length * 2);
        if (start > 0)
        {
            html.Append('…');
        }

        var at = start;
        foreach (var (mStart, mLength) in matches)
        {
            if (mStart < at || mStart + mLength > end)
            {
                continue;
            }

            html.Append(WebUtility.HtmlEncode(text[at..mStart]));
            html.Append("<mark>").Append(WebUtility.HtmlEncode(text.Substring(mStart, mLength))).Append("</mark>");
            at = mStart + mLength;
        }

        html.Append(WebUtility.HtmlEncode(text[at..end]));
        if (end < text.Length)
        {
            html.Append('…');
        }

        return html.ToString();
    }

    /// <summary>A loose English stem: the word without one common suffix, never shorter than three letters.</summary>
    public static string Stem(string word)
    {
        var lower = word.ToLowerInvariant();
        foreach (var suffix in Suffixes)
        {
            if (lower.Length - suffix.Length >= 3 && lower.EndsWith(suffix, StringComparison.Ordinal))
            {
                return lower[..^suffix.Length];
            }
        }

        return lower;
    }

    /// <summary>Where the query's terms occur in <paramref name="text"/>, in order, without overlaps.</summary>
    internal static List<(int Start, int Length)> Matches(string text, SearchQuery query)
    {
        var found = new List<(int Start, int Length)>();
        var stems = query.Terms.Where(t => !t.IsCjk).Select(t => Stem(t.Text)).ToHashSet(StringComparer.Ordinal);
        if (stems.Count > 0)
        {
            var i = 0;
            while (i < text.Length)
            {
                if (!IsWordChar(text, i))
                {
                    i++;
                    continue;
                }

                var s = i;
                while (i < text.Length && IsWordChar(text, i))
                {
                    i += char.IsSurrogatePair(text, i) ? 2 : 1;
                }

                if (stems.Contains(Stem(text[s..i])))
                {
                    found.Add((s, i - s));
                }
            }
        }

        foreach (var term in query.Terms.Where(t => t.IsCjk))
        {
            for (var at = text.IndexOf(term.Text, StringComparison.Ordinal); at >= 0; at = text.IndexOf(term.Text, at + term.Text.Length, StringComparison.Ordinal))
            {
                found.Add((at, term.Text.Length));
            }
        }

        found.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        var result = new List<(int Start, int Length)>(found.Count);
        var end = 0;
        foreach (var m in found)
        {
            if (m.Start >= end)
            {
                result.Add(m);
                end = m.Start + m.Length;
            }
        }

        return result;
    }

    private static bool IsWordChar(string text, int index)
    {
        if (!Rune.TryGetRuneAt(text, index, out var rune))
        {
            return false;
        }

        return Rune.IsLetterOrDigit(rune) && !SearchText.IsCjk(rune);
    }

    /// <summary>The start of the word at <paramref name="index"/>; text without spaces (Chinese) is cut where it is.</summary>
    private static int WordStartBefore(string text, int index)
    {
        index = Math.Max(0, index);
        var space = text.LastIndexOf(' ', index);
        if (space >= 0 && index - space <= 20)
        {
            return space + 1;
        }

        return char.IsLowSurrogate(text[index]) ? index - 1 : index;
    }

    /// <summary>One line of text: runs of white space become one space.</summary>
    private static string Flatten(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
