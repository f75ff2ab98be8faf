using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsPortal.Core.Articles.Import;

/// <summary>Times in front matter: with an offset as given, without one in the site's time zone.</summary>
public static partial class FrontMatter
{
    private static readonly string[] LocalFormats =
        ["yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"];

    /// <summary>Reads a time with an offset as given, and one without as the site's local time. Null when it is not a time.</summary>
    public static DateTime? ParseTime(string text, TimeZoneInfo zone)
    {
        text = text.Trim();
        if (HasOffset().IsMatch(text))
        {
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset)
                ? withOffset.UtcDateTime
                : null;
        }

        if (!DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        try
        {
            return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"(Z|[+-]\d{2}:?\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex HasOffset();
}
