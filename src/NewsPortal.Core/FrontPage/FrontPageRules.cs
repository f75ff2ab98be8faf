using NewsPortal.Core.Text;

namespace NewsPortal.Core.FrontPage;

/// <summary>What an editor may put on the front page.</summary>
public static class FrontPageRules
{
    public const int MaxFeatured = 6;
    public const int StripTextLength = 200;
    public const int LinkLength = 500;

    /// <summary>The picks in order without blanks or repeats: the lead's own id is not featured again.</summary>
    public static List<int> Featured(int? lead, IEnumerable<int?> featured) =>
        featured.Where(id => id is > 0 && id != lead).Select(id => id!.Value).Distinct().Take(MaxFeatured).ToList();

    /// <summary>Checks a strip as typed; null with <paramref name="errors"/> filled when it cannot be shown.</summary>
    public static BreakingStrip? CheckStrip(string? text, string? link, DateTime? expiresUtc, DateTime nowUtc, IDictionary<string, string> errors)
    {
        var line = PlainText.SingleLine(text).Trim();
        if (line.Length == 0)
        {
            errors["Text"] = "Enter the breaking news, in one line.";
        }
        else if (line.Length > StripTextLength)
        {
            errors["Text"] = $"Shorten the breaking news to {StripTextLength} characters or fewer (it has {line.Length}).";
        }

        var address = PlainText.SingleLine(link).Trim();
        if (address.Length > LinkLength)
        {
            errors["Link"] = $"Shorten the link to {LinkLength} characters or fewer.";
        }
        else if (address.Length > 0 && !IsLink(address))
        {
            errors["Link"] = "Enter a path on this site starting with / (such as /article/some-story) or an address starting with https://.";
        }

        if (expiresUtc is not { } expires)
        {
            errors["ExpiresAt"] = "Enter when the strip ends, as a date and time.";
        }
        else if (expires <= nowUtc)
        {
            errors["ExpiresAt"] = "The end time has passed already; choose a time in the future.";
        }
        else if (expires > nowUtc.AddDays(30))
        {
            errors["ExpiresAt"] = "A strip runs for at most 30 days; choose an earlier end time.";
        }

        return errors.Count == 0 ? new BreakingStrip(line, address.Length == 0 ? null : address, expiresUtc!.Value) : null;
    }

    private static bool IsLink(string address) =>
        (address.StartsWith('/') && !address.StartsWith("//", StringComparison.Ordinal) && !address.Contains('\\', StringComparison.Ordinal))
        || (Uri.TryCreate(address, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp));
}
