using System.ComponentModel.DataAnnotations;

namespace NewsPortal.Web.Features.Staff.Activity;

/// <summary>How long the activity log and the search counts are kept. Bound from the "Activity" section.</summary>
public sealed class ActivityOptions
{
    public const string Section = "Activity";

    /// <summary>Activity entries older than this are deleted.</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 365;

    /// <summary>Per-day search counts older than this are deleted (the dashboard shows the last 30 days).</summary>
    [Range(30, 3650)]
    public int SearchRetentionDays { get; set; } = 90;

    /// <summary>How often the deletion runs.</summary>
    [Range(1, 1440)]
    public int SweepMinutes { get; set; } = 60;
}
