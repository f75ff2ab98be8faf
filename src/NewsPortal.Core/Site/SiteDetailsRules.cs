using System.Net.Mail;
using System.Text.RegularExpressions;
using NewsPortal.Core.Text;

namespace NewsPortal.Core.Site;

/// <summary>The site details form as typed, before it is checked.</summary>
public sealed class SiteDetailsInput
{
    public string? Name { get; set; }
    public string? Slogans { get; set; }

    /// <summary>The slogans shown on the Chinese pages, one a line; empty: the English ones are shown there.</summary>
    public string? ChineseSlogans { get; set; }
    public string? ReportHotline { get; set; }
    public string? IcpLicence { get; set; }
    public string? NewsServicePermit { get; set; }
    public string? ContactEmail { get; set; }
    public string? SocialAccounts { get; set; }
    public string? Language { get; set; }
    public string? TimeZone { get; set; }
    public bool RemoveLogo { get; set; }
}

/// <summary>Checks site details: each field's length and shape, with a message a person understands.</summary>
public static partial class SiteDetailsRules
{
    public const int NameLength = 100;
    public const int LineLength = 100;
    public const int MaxSlogans = 5;
    public const int MaxSocialAccounts = 10;
    public const int UrlLength = 300;

    /// <summary>The checked values, or null with <paramref name="errors"/> filled (field name → message).</summary>
    public static SiteDetails? Check(SiteDetailsInput input, IDictionary<string, string> errors)
    {
        var details = new SiteDetails
        {
            Name = Required(nameof(input.Name), input.Name, NameLength, "the site's name", errors),
            Slogans = Lines(nameof(input.Slogans), input.Slogans, MaxSlogans, "slogans", errors),
            ChineseSlogans = Lines(nameof(input.ChineseSlogans), input.ChineseSlogans, MaxSlogans, "Chinese slogans", errors),
            ReportHotline = Required(nameof(input.ReportHotline), input.ReportHotline, 50, "the report hotline", errors),
            IcpLicence = Required(nameof(input.IcpLicence), input.IcpLicence, LineLength, "the ICP number", errors),
            NewsServicePermit = Required(nameof(input.NewsServicePermit), input.NewsServicePermit, LineLength, "the news-service permit", errors),
            ContactEmail = Required(nameof(input.ContactEmail), input.ContactEmail, 254, "the contact email", errors),
            Language = PlainText.SingleLine(input.Language).Trim(),
            TimeZone = PlainText.SingleLine(input.TimeZone).Trim(),
        };

        if (details.ContactEmail.Length > 0 && !MailAddress.TryCreate(details.ContactEmail, out _))
        {
            errors[nameof(input.ContactEmail)] = "Enter the contact email as name@example.org.";
        }

        if (!LanguageTag().IsMatch(details.Language))
        {
            errors[nameof(input.Language)] = "Enter a language tag such as en, zh or zh-Hans.";
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(details.TimeZone, out _))
        {
            errors[nameof(input.TimeZone)] = "Enter a time zone by its IANA name, such as Asia/Shanghai or Europe/London.";
        }

        var social = ParseSocial(input.SocialAccounts, out var socialError);
        if (socialError is not null)
        {
            errors[nameof(input.SocialAccounts)] = socialError;
        }

        details.SocialAccounts = string.Join('\n', social.Select(s => $"{s.Name} {s.Url}"));
        return errors.Count == 0 ? details : null;
    }

    /// <summary>The slogans, one a line.</summary>
    public static IReadOnlyList<string> SplitLines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>"Name https://address" lines; a line whose address is not http(s) is an error.</summary>
    public static IReadOnlyList<SocialAccount> ParseSocial(string? text, out string? error)
    {
        error = null;
        var accounts = new List<SocialAccount>();
        foreach (var line in SplitLines(text?.Replace("\r", "", StringComparison.Ordinal)))
        {
            var clean = PlainText.SingleLine(line).Trim();
            var space = clean.LastIndexOf(' ');
            var url = space < 0 ? clean : clean[(space + 1)..];
            var name = space < 0 ? "" : clean[..space].Trim();
            if (name.Length == 0 || name.Length > LineLength || url.Length > UrlLength
                || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                error = $"Write each account on its own line as a name, a space and its address, e.g. \"Weibo https://weibo.com/newsroom\". This line is not: \"{Short(clean)}\".";
                return [];
            }

            accounts.Add(new SocialAccount(name, uri.ToString()));
        }

        if (accounts.Count > MaxSocialAccounts)
        {
            error = $"List at most {MaxSocialAccounts} accounts.";
            return [];
        }

        return accounts;
    }

    private static string Required(string field, string? value, int max, string what, IDictionary<string, string> errors)
    {
        var line = PlainText.SingleLine(value).Trim();
        if (line.Length == 0)
        {
            errors[field] = $"Enter {what}.";
        }
        else if (line.Length > max)
        {
            errors[field] = $"Shorten {what} to {max} characters or fewer (it has {line.Length}).";
        }

        return line;
    }

    private static string Lines(string field, string? value, int maxLines, string what, IDictionary<string, string> errors)
    {
        var lines = SplitLines(value?.Replace("\r", "", StringComparison.Ordinal)).Select(l => PlainText.SingleLine(l).Trim()).Where(l => l.Length > 0).ToList();
        if (lines.Count > maxLines)
        {
            errors[field] = $"Give at most {maxLines} {what}, one a line.";
        }
        else if (lines.FirstOrDefault(l => l.Length > LineLength) is { } tooLong)
        {
            errors[field] = $"Shorten each of the {what} to {LineLength} characters or fewer: \"{Short(tooLong)}\" is longer.";
        }
        else if (lines.Any(PlainText.HasUnreadable))
        {
            errors[field] = PlainText.UnreadableError($"One of the {what}");
        }

        return string.Join('\n', lines);
    }

    private static string Short(string text) => text.Length > 60 ? text[..60] + "…" : text;

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$")]
    private static partial Regex LanguageTag();
}
