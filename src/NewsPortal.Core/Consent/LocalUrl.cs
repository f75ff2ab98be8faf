namespace NewsPortal.Core.Consent;

/// <summary>Decides whether a return address stays on this site, so a form cannot be used as an open redirect.</summary>
public static class LocalUrl
{
    public const int MaxLength = 2048;

    /// <summary>
    /// True for a path on this site such as "/article/x?page=2": it starts with a single "/", is not
    /// protocol-relative ("//host" or "/\host"), and holds no control characters or backslashes.
    /// </summary>
    public static bool IsLocal(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Length > MaxLength || url[0] != '/')
        {
            return false;
        }

        if (url.Length > 1 && (url[1] == '/' || url[1] == '\\'))
        {
            return false;
        }

        foreach (var c in url)
        {
            if (char.IsControl(c) || c == '\\' || char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// <paramref name="url"/> as it may stand in a Location header: characters a URL may not hold as they are
    /// (non-ASCII letters, quotes, angle brackets, braces) percent-encoded as UTF-8, everything else, escapes
    /// already there included, left alone. A server refuses a header holding anything but plain ASCII.
    /// </summary>
    public static string ForLocationHeader(string url)
    {
        var builder = new System.Text.StringBuilder(url.Length);
        Span<byte> bytes = stackalloc byte[4];
        for (var i = 0; i < url.Length; i++)
        {
            var c = url[i];
            if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' || "-._~:/?#[]@!$&'()*+,;=%".Contains(c, StringComparison.Ordinal))
            {
                builder.Append(c);
                continue;
            }

            var length = char.IsHighSurrogate(c) && i + 1 < url.Length && char.IsLowSurrogate(url[i + 1])
                ? System.Text.Encoding.UTF8.GetBytes(url.AsSpan(i++, 2), bytes)
                : System.Text.Encoding.UTF8.GetBytes(url.AsSpan(i, 1), bytes);
            foreach (var b in bytes[..length])
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
