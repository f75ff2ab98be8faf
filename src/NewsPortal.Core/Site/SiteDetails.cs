namespace NewsPortal.Core.Site;

/// <summary>
/// What administrators set about the site in the staff pages: one row, absent until first saved. While it is
/// absent the configuration's "Site" section gives every value; once saved, these values win.
/// </summary>
public class SiteDetails
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public string Name { get; set; } = "";

    /// <summary>One slogan a line.</summary>
    public string Slogans { get; set; } = "";

    /// <summary>The slogans shown on the Chinese pages, one a line; the English ones are shown there while this is empty.</summary>
    public string ChineseSlogans { get; set; } = "";
    public string ReportHotline { get; set; } = "";
    public string IcpLicence { get; set; } = "";
    public string NewsServicePermit { get; set; } = "";
    public string ContactEmail { get; set; } = "";

    /// <summary>One account a line: a name, a space, and the account's https address ("Weibo https://weibo.com/x").</summary>
    public string SocialAccounts { get; set; } = "";
    public string Language { get; set; } = "en";
    public string TimeZone { get; set; } = "";
    public int? LogoImageId { get; set; }
    public Articles.MediaImage? LogoImage { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}

/// <summary>A newsroom account on a social network, as the footer links to it.</summary>
public sealed record SocialAccount(string Name, string Url);
