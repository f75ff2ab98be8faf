using System.Buffers;
using System.Security.Cryptography;

namespace NewsPortal.Core.Messages;

/// <summary>
/// Reference numbers readers quote when they write again, like "NP-7K3M-9QX2": random, so they reveal
/// nothing about how many messages there are, and drawn from letters and digits that cannot be confused
/// (no I, L, O or U).
/// </summary>
public static class MessageReference
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static readonly SearchValues<char> AlphabetValues = SearchValues.Create(Alphabet);

    public static string New()
    {
        Span<char> chars = stackalloc char[8];
        RandomNumberGenerator.GetItems(Alphabet, chars);
        return $"NP-{chars[..4]}-{chars[4..]}";
    }

    /// <summary>True when <paramref name="value"/> has the shape of a reference (before looking it up).</summary>
    public static bool LooksValid(string? value) =>
        value is { Length: 12 } && value.StartsWith("NP-", StringComparison.Ordinal) && value[7] == '-'
        && value.AsSpan(3, 4).IndexOfAnyExcept(AlphabetValues) < 0 && value.AsSpan(8, 4).IndexOfAnyExcept(AlphabetValues) < 0;
}
