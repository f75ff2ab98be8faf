using System.Globalization;

namespace NewsPortal.Core.Consent;

/// <summary>Where a reader stands on optional cookies, worked out on each request.</summary>
public enum ConsentState
{
    /// <summary>No choice made yet (or the cookie could not be read): the banner asks.</summary>
    None = 0,
    Accepted = 1,
    Rejected = 2,

    /// <summary>A choice was made against a Privacy Policy or Terms of Use that has since been materially revised.</summary>
    Outdated = 3,
}

/// <summary>The consent versions of the Privacy Policy and the Terms of Use.</summary>
public readonly record struct ConsentVersions(int Privacy, int Terms)
{
    /// <summary>True when either document has had a material revision since these versions.</summary>
    public bool IsOlderThan(ConsentVersions current) => Privacy < current.Privacy || Terms < current.Terms;
}

/// <summary>
/// The value of the reader's consent cookie: a random id (which links the reader's server-side
/// <see cref="ConsentRecord"/> rows and nothing else), the choice, and the versions it was given against.
/// Written as "{id}.{a|r}.{privacy}.{terms}", for example "6f1c...9a2e.a.3.1".
/// </summary>
public sealed record ConsentCookie(Guid ConsentId, ConsentChoice Choice, ConsentVersions Versions)
{
    private const int MaxLength = 80;

    public string Format() => string.Create(CultureInfo.InvariantCulture,
        $"{ConsentId:N}.{(Choice == ConsentChoice.Accepted ? 'a' : 'r')}.{Versions.Privacy}.{Versions.Terms}");

    /// <summary>Reads a cookie value; anything malformed reads as no cookie at all.</summary>
    public static ConsentCookie? Parse(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength)
        {
            return null;
        }

        var parts = value.Split('.');
        if (parts.Length != 4
            || !Guid.TryParseExact(parts[0], "N", out var id)
            || id == Guid.Empty
            || !TryVersion(parts[2], out var privacy)
            || !TryVersion(parts[3], out var terms))
        {
            return null;
        }

        ConsentChoice? choice = parts[1] switch
        {
            "a" => ConsentChoice.Accepted,
            "r" => ConsentChoice.Rejected,
            _ => null,
        };
        return choice is null ? null : new ConsentCookie(id, choice.Value, new ConsentVersions(privacy, terms));
    }

    /// <summary>The reader's state given the versions currently in force.</summary>
    public ConsentState StateAgainst(ConsentVersions current) =>
        Versions.IsOlderThan(current) ? ConsentState.Outdated
        : Choice == ConsentChoice.Accepted ? ConsentState.Accepted
        : ConsentState.Rejected;

    private static bool TryVersion(string text, out int version) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out version) && text.Length <= 9;
}
