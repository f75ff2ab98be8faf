using System.ComponentModel.DataAnnotations;

namespace NewsPortal.Web.Features.Consent;

/// <summary>How the reader's cookie choice is kept. Bound from the "Consent" section.</summary>
public sealed class ConsentOptions
{
    public const string Section = "Consent";

    /// <summary>The cookie holding the reader's choice (strictly necessary: it records that choice).</summary>
    [Required, RegularExpression("^[A-Za-z0-9_]{1,40}$")]
    public string CookieName { get; set; } = "np_consent";

    /// <summary>How long the choice is remembered; at most 13 months, as European regulators advise.</summary>
    [Range(1, 395)]
    public int CookieDays { get; set; } = 365;

    /// <summary>
    /// How long an instance keeps the policy versions in memory before reading them again. A revision saved
    /// on this instance takes effect at once; other instances see it within this many seconds.
    /// </summary>
    [Range(1, 3600)]
    public int VersionRefreshSeconds { get; set; } = 60;
}
