using System.Text;

namespace NewsPortal.Core.Articles;

/// <summary>
/// Readable ASCII for text in any script, for web addresses. The AnyAscii library gives the letters; Han characters
/// become one pinyin syllable each, set apart by spaces so a slug reads 解放碑 as jie-fang-bei rather than one run.
/// </summary>
public static class Transliteration
{
    /// <summary>
    /// Place names whose characters AnyAscii reads the other way (重 as zhong, 长 as zhang, 都 as dou): a
    /// character's pinyin depends on the word, which a character table cannot know. Written as the names are
    /// spelled in English.
    /// </summary>
    private static readonly (string Han, string Ascii)[] KnownNames =
    [
        ("重庆", "Chongqing"),
        ("成都", "Chengdu"),
        ("长江", "Changjiang"),
        ("长寿", "Changshou"),
    ];

    /// <summary>The text with every letter and digit in ASCII; symbols and punctuation outside ASCII become spaces.</summary>
    public static string ToAscii(string text)
    {
        if (Ascii.IsValid(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length * 2);
        for (var i = 0; i < text.Length;)
        {
            if (KnownNameAt(text, i) is { } name)
            {
                builder.Append(' ').Append(name.Ascii).Append(' ');
                i += name.Han.Length;
                continue;
            }

            var rune = Rune.GetRuneAt(text, i);
            if (rune.IsAscii || rune.Value == '\u2019')
            {
                builder.Append((char)rune.Value);
            }
            else if (IsHan(rune))
            {
                builder.Append(' ').Append(AnyAscii.Transliteration.Transliterate(rune.ToString())).Append(' ');
            }
            else if (Rune.IsLetterOrDigit(rune) || Rune.GetUnicodeCategory(rune) is System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                builder.Append(AnyAscii.Transliteration.Transliterate(rune.ToString()));
            }
            else
            {
                // Symbols and punctuation separate words; AnyAscii would spell an emoji out as its name.
                builder.Append(' ');
            }

            i += rune.Utf16SequenceLength;
        }

        return builder.ToString();
    }

    private static (string Han, string Ascii)? KnownNameAt(string text, int index)
    {
        foreach (var name in KnownNames)
        {
            if (string.CompareOrdinal(text, index, name.Han, 0, name.Han.Length) == 0)
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>CJK unified ideographs (with extension A and the supplementary planes) and compatibility ideographs.</summary>
    private static bool IsHan(Rune rune) => rune.Value is
        >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF or >= 0xF900 and <= 0xFAFF or >= 0x20000 and <= 0x3FFFF;
}
