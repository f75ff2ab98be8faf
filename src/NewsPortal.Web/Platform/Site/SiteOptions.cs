using System.ComponentModel.DataAnnotations;

namespace NewsPortal.Web.Platform.Site;

/// <summary>What the site says about itself in its chrome and metadata. Bound from the "Site" section.</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    [Required, StringLength(100)]
    public string Name { get; set; } = "NewsPortal";

    /// <summary>Shown in the footer, one line each.</summary>
    public List<string> Slogans { get; set; } = [];

    [StringLength(300)]
    public string Description { get; set; } = "";

    /// <summary>Telephone number for reporting illegal and undesirable information.</summary>
    [Required, StringLength(50)]
    public string ReportHotline { get; set; } = "";

    /// <summary>ICP filing number, e.g. "渝ICP备00000000号-1".</summary>
    [Required, StringLength(100)]
    public string IcpLicence { get; set; } = "";

    /// <summary>Internet news information service permit number.</summary>
    [Required, StringLength(100)]
    public string NewsServicePermit { get; set; } = "";

    [Required, EmailAddress]
    public string ContactEmail { get; set; } = "";

    /// <summary>Absolute public address, used for canonical URLs, feeds and sitemaps. Empty: taken from the request.</summary>
    [Url]
    public string? BaseUrl { get; set; }

    /// <summary>IANA time zone in which times are shown to readers.</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>The language of pages that do not say otherwise (the staff pages).</summary>
    [Required, StringLength(20)]
    public string Language { get; set; } = "en";

    /// <summary>The languages articles may be written in, offered in the newsroom (each one of en, zh-Hans).</summary>
    public List<string> Languages { get; set; } = ["en", "zh-Hans"];
}
