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

    /// <summary>For readers: "29 Nov 2026, 21:31".</summary>
    public string Display(DateTime utc) => Local(utc).ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);

    public string Date(DateTime utc) => Local(utc).ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>Converts a local time typed by staff into UTC.</summary>
    public DateTime ToUtc(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);
}
