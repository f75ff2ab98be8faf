using System.Text;

namespace NewsPortal.Core.Search;

/// <summary>One thing a reader searched for: a word, or a run of Chinese characters.</summary>
public sealed record SearchTerm(string Text, bool IsCjk);

/// <summary>
/// A reader's search, reduced to plain terms. Nothing the reader types reaches the full-text engine as
/// syntax: quotes, NEAR, AND/OR/NOT, *, ^, column filters and parentheses are either separators or become
/// ordinary quoted words. Every term must match (AND).
/// </summary>
public sealed class SearchQuery
{
    /// <summary>The longest query accepted; longer ones are refused with a message.</summary>
    public const int MaxLength = 200;

    /// <summary>Terms beyond this many are ignored, which bounds the work one query can cause.</summary>
    public const int MaxTerms = 12;

    private SearchQuery(string text, IReadOnlyList<SearchTerm> terms, bool tooLong)
    {
        Text = text;
        Terms = terms;
        IsTooLong = tooLong;
    }

    /// <summary>The query as typed, without control characters and surrounding spaces.</summary>
    public string Text { get; }

    public IReadOnlyList<SearchTerm> Terms { get; }

    public bool IsTooLong { get; }

    /// <summary>True when there is something to search for.</summary>
    public bool HasTerms => Terms.Count > 0 && !IsTooLong;

    public static SearchQuery Parse(string? raw)
    {
        var text = Clean(raw);
        if (text.Length > MaxLength)
        {
            return new SearchQuery(text, [], tooLong: true);
        }

        var terms = new List<SearchTerm>();
        var word = new StringBuilder();
        var cjk = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (SearchText.IsCjk(rune))
            {
                Flush(word, false, terms);
                cjk.Append(rune.ToString());
            }
            else if (Rune.IsLetterOrDigit(rune))
            {
                Flush(cjk, true, terms);
                word.Append(Rune.ToLowerInvariant(rune).ToString());
            }
            else
            {
                Flush(word, false, terms);
                Flush(cjk, true, terms);
            }
        }

        Flush(word, false, terms);
        Flush(cjk, true, terms);
        return new SearchQuery(text, terms.Distinct().Take(MaxTerms).ToList(), tooLong: false);
    }

    /// <summary>
    /// The query in SQLite FTS5 syntax: each English word a quoted string (the porter tokenizer stems it),
    /// each Chinese run a quoted phrase of its bigrams (a single character: a prefix match on the bigrams
    /// that start with it), all joined by implicit AND.
    /// </summary>
    public string ToFts5Match() => string.Join(' ', Terms.Select(ToFts5));

    /// <summary>One term in SQLite FTS5 syntax (see <see cref="ToFts5Match"/>).</summary>
    public static string ToFts5(SearchTerm term)
    {
        if (!term.IsCjk)
        {
            return Quote(term.Text);
        }

        return term.Text.EnumerateRunes().Count() == 1
            ? Quote(term.Text) + "*"
            : Quote(string.Join(' ', SearchText.Bigrams(term.Text)));
    }

    private static string Quote(string term) => "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static void Flush(StringBuilder buffer, bool isCjk, List<SearchTerm> terms)
    {
        if (buffer.Length > 0)
        {
            terms.Add(new SearchTerm(buffer.ToString(), isCjk));
            buffer.Clear();
        }
    }

    /// <summary>Drops control characters (NUL included) and invalid UTF-16, and trims.</summary>
    private static string Clean(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return "";
        }

        var builder = new StringBuilder(raw.Length);
        foreach (var rune in raw.EnumerateRunes())
        {
            // Lone surrogates (read as the replacement character) are never something to search for.
            if (Rune.IsControl(rune) || rune == Rune.ReplacementChar)
            {
                builder.Append(' ');
                continue;
            }

            builder.Append(rune.ToString());
        }

        return builder.ToString().Trim();
    }
}
