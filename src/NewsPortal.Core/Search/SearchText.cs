using System.Text;

namespace NewsPortal.Core.Search;

/// <summary>
/// Prepares text for a word-based full-text index that must also find Chinese, which is written without
/// spaces. A run of Chinese (or Japanese kana) characters becomes its overlapping two-character pieces
/// followed by its last character ("成渝两地" becomes "成渝 渝两 两地 地"), so any two-character word inside a
/// sentence is a token of its own and every character starts some token; a one-character run stays as it
/// is. Every other character is left alone for the index's own tokenizer.
/// Queries go through the same function (see <see cref="SearchQuery"/>), so both sides agree.
/// </summary>
public static class SearchText
{
    /// <summary>Text as it is stored in the index.</summary>
    public static string ForIndex(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var output = new StringBuilder(text.Length + (text.Length / 2));
        var run = new List<string>();
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsCjk(rune))
            {
                run.Add(rune.ToString());
                continue;
            }

            FlushRun(run, output);
            output.Append(rune.ToString());
        }

        FlushRun(run, output);
        return output.ToString();
    }

    /// <summary>The overlapping bigrams of one run of CJK characters (the run itself when it has one character).</summary>
    public static IReadOnlyList<string> Bigrams(string run)
    {
        var chars = run.EnumerateRunes().Select(r => r.ToString()).ToList();
        if (chars.Count <= 1)
        {
            return chars;
        }

        var grams = new List<string>(chars.Count - 1);
        for (var i = 0; i < chars.Count - 1; i++)
        {
            grams.Add(chars[i] + chars[i + 1]);
        }

        return grams;
    }

    /// <summary>Han ideographs (with their extensions and compatibility block) and Japanese kana.</summary>
    public static bool IsCjk(Rune rune) => rune.Value switch
    {
        >= 0x3040 and <= 0x30FF => true, // Hiragana, Katakana
        >= 0x3400 and <= 0x4DBF => true, // Extension A
        >= 0x4E00 and <= 0x9FFF => true, // Unified ideographs
        >= 0xF900 and <= 0xFAFF => true, // Compatibility ideographs
        >= 0x20000 and <= 0x3FFFF => true, // Extensions B and later
        _ => false,
    };

    private static void FlushRun(List<string> run, StringBuilder output)
    {
        if (run.Count == 0)
        {
            return;
        }

        output.Append(' ');
        if (run.Count == 1)
        {
            output.Append(run[0]);
        }
        else
        {
            for (var i = 0; i < run.Count - 1; i++)
            {
                if (i > 0)
                {
                    output.Append(' ');
                }

                output.Append(run[i]).Append(run[i + 1]);
            }

            // The last character on its own too, so a one-character search (a prefix of the bigrams) finds
            // every occurrence, including the one that ends a run.
            output.Append(' ').Append(run[^1]);
        }

        output.Append(' ');
        run.Clear();
    }
}
