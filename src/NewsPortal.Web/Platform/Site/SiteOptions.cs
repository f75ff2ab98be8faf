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

    /// <summary>Shown in the footer of the Chinese pages (under /zh), one line each; while there are none, the English ones are.</summary>
    public List<string> ChineseSlogans { get; set; } = [];

    /// <summary>The slogans a page shows: on a Chinese page the Chinese ones, or the English ones while there are none.</summary>
    public (IReadOnlyList<string> Lines, string Language) SlogansFor(bool chinesePage) =>
        chinesePage && ChineseSlogans.Count > 0 ? (ChineseSlogans, "zh-Hans") : (Slogans, "en");

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

    /// <summary>The newsroom's accounts on social networks, linked from the footer.</summary>
    public List<SocialLink> Social { get; set; } = [];

    /// <summary>
    /// The logo's address (its widest size) for the masthead, the publisher in JSON-LD and link previews; empty:
    /// the masthead shows the name as text. Set by uploading a logo in the staff pages.
    /// </summary>
    public string? LogoPath { get; set; }

    /// <summary>The logo's smallest stored size, for the masthead.</summary>
    public string? LogoSmallPath { get; set; }

    public int LogoWidth { get; set; }

    public int LogoHeight { get; set; }

    /// <summary>The languages articles may be written in, offered in the newsroom (each one of en, zh-Hans).</summary>
    public List<string> Languages { get; set; } = ["en", "zh-Hans"];

    /// <summary>A copy, for overlaying values saved in the staff pages.</summary>
    public SiteOptions Copy()
    {
        var copy = (SiteOptions)MemberwiseClone();
        copy.Slogans = [.. Slogans];
        copy.ChineseSlogans = [.. ChineseSlogans];
        copy.Social = [.. Social];
        copy.Languages = [.. Languages];
        return copy;
    }
}

/// <summary>An account on a social network: the network's name and the account's address.</summary>
public sealed class SocialLink
{
    [Required, StringLength(100)]
    public string Name { get; set; } = "";

    [Required, Url]
    public string Url { get; set; } = "";
}
