namespace NewsPortal.Web.Features.Shared;

/// <summary>
/// mailto: links with every part percent-encoded (RFC 6068), so an address can only ever be the recipient: a "?",
/// "&amp;" or "%" in it cannot add a Cc, a subject or a body to the mail a reply opens.
/// </summary>
public static class Mailto
{
    /// <summary>A link that opens a mail to <paramref name="address"/>, with an optional subject.</summary>
    public static string Href(string address, string? subject = null)
    {
        var at = address.LastIndexOf('@');
        var to = at > 0
            ? Uri.EscapeDataString(address[..at]) + "@" + Uri.EscapeDataString(address[(at + 1)..])
            : Uri.EscapeDataString(address);
        return subject is null ? "mailto:" + to : $"mailto:{to}?subject={Uri.EscapeDataString(subject)}";
    }
}
