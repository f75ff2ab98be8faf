using System.Globalization;
using Microsoft.Extensions.Options;

namespace NewsPortal.Web.Platform.Site;

/// <summary>Shows stored UTC times in the site's time zone.</summary>
public sealed class SiteTime(IOptions<SiteOptions> options)
{
    private TimeZoneInfo? _zone;

    /// <summary>The time zone in force; administrators may change it in the staff pages.</summary>
    public TimeZoneInfo Zone
    {
        get
        {
            var id = options.Value.TimeZone;
            var zone = _zone;
            if (zone is null || zone.Id != id)
            {
                zone = TimeZoneInfo.FindSystemTimeZoneById(id);
                _zone = zone;
            }

            return zone;
        }
    }

    public DateTimeOffset Local(DateTime utc)
    {
        var u = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeFromUtc(u, Zone), Zone.GetUtcOffset(u));
    }

    /// <summary>For the datetime attribute of &lt;time&gt;: ISO 8601 with the offset.</summary>
    public string Iso(DateTime utc) => Local(utc).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>For readers, in the form of the page's language: "29 Nov 2026, 21:31", "2026年11月29日 21:31".</summary>
    public string Display(DateTime utc) =>
        Local(utc).ToString(IsChinese ? "yyyy'年'M'月'd'日' HH:mm" : "d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"29 Nov 2026", "2026年11月29日".</summary>
    public string Date(DateTime utc) => Local(utc).ToString(IsChinese ? "yyyy'年'M'月'd'日'" : "d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>A day without its year: "2 Dec", "12月2日".</summary>
    public string DayMonth(DateOnly day) => DayMonthOf(day);

    /// <summary>As <see cref="DayMonth"/>, for code that has no <see cref="SiteTime"/> at hand.</summary>
    public static string DayMonthOf(DateOnly day) => day.ToString(IsChinese ? "M'月'd'日'" : "d MMM", CultureInfo.InvariantCulture);

    // The request's interface language (set from the address by the request localization middleware).
    private static bool IsChinese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh";

    /// <summary>Converts a local time typed by staff into UTC.</summary>
    public DateTime ToUtc(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);
}
