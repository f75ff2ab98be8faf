using System.Globalization;
using System.Text;

namespace NewsPortal.Core.Articles;

/// <summary>
/// URL slugs: lower-case ASCII letters, digits and single hyphens. Text in any script is transliterated first
/// (<see cref="Transliteration"/>), so 成渝 gives cheng-yu and Привет gives privet.
/// </summary>
public static class Slug
{
    public static string From(string? text, int maxLength = ArticleLimits.Slug)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var decomposed = Transliteration.ToAscii(text).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingHyphen = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            if (lower is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(lower);
                pendingHyphen = false;
            }
            else if (lower != '\'' && lower != '\u2019')
            {
                pendingHyphen = true;
            }
        }

        var slug = builder.ToString();
        if (slug.Length > maxLength)
        {
            var cut = slug.LastIndexOf('-', maxLength);
            slug = cut > maxLength / 2 ? slug[..cut] : slug[..maxLength].TrimEnd('-');
        }

        return slug;
    }

    /// <summary>True when <paramref name="slug"/> is already in canonical slug form.</summary>
    public static bool IsValid(string? slug) =>
        !string.IsNullOrEmpty(slug) && slug.Length <= ArticleLimits.Slug && From(slug) == slug;
}
