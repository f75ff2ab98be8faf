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
}
