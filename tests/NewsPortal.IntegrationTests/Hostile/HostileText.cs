namespace NewsPortal.IntegrationTests.Hostile;

/// <summary>
/// One hostile value typed into a text field, and what the portal should keep of it: <see cref="OneLine"/> in a
/// one-line field (name, subject, headline), <see cref="Lines"/> in a multi-line one (message, note, body).
/// Null means the value must be refused with a message beside the field (blank once cleaned, too long, or
/// undecodable). <see cref="Unreadable"/> values never reach the fields: a form holding one cannot be read at all
/// (ASP.NET Core refuses a NUL in a form value), which must be a 400 page saying so.
/// </summary>
public sealed record HostileText(string Name, string Value, string? OneLine, string? Lines, bool Unreadable = false)
{
    private static HostileText Kept(string name, string value) => new(name, value, value, value);

    /// <summary>Markup and script in every form a browser might run, each carrying a marker the page check looks for.</summary>
    public static readonly IReadOnlyList<HostileText> Markup =
    [
        Kept("script element", "<script>alert('np-xss')</script>"),
        Kept("img onerror", "\"><img src=x onerror=alert(1) data-hostile>"),
        Kept("svg onload", "<svg/onload=alert(1)><hostile-tag data-hostile></hostile-tag>"),
        Kept("attribute breakout", "' onmouseover='alert(1)' data-hostile='"),
        Kept("javascript url", "javascript:alert(document.cookie)"),
        Kept("markdown javascript link", "[click me](javascript:alert(1)) <javascript:alert(2)>"),
        Kept("iframe", "<iframe src=\"//evil.example\" data-hostile></iframe>"),
        Kept("inline style", "<style>body{display:none}</style><div style=\"display:none\" data-hostile>"),
        Kept("closing tags", "</textarea></title></script><hostile-tag data-hostile>"),
        Kept("template syntax", "{{7*7}} ${7*7} @(7*7) <%= 7*7 %> #{7*7}"),
        Kept("html entities", "&lt;script&gt;alert(1)&lt;/script&gt; &#x3C;b data-hostile&#x3E;"),
    ];

    /// <summary>Query-language and path metacharacters: harmless text that must be kept as typed.</summary>
    public static readonly IReadOnlyList<HostileText> Metacharacters =
    [
        Kept("sql quote", "' OR '1'='1' --"),
        Kept("sql statement", "Robert'); DROP TABLE Messages;--"),
        Kept("fts syntax", "NEAR(bridge river) OR \"unterminated * ^ : -title"),
        Kept("like wildcards", "100%_\\% [a-z]"),
        Kept("path traversal", "../../../../etc/passwd"),
        Kept("encoded traversal", "..%2f..%2f%2e%2e%5cwin.ini"),
        Kept("unicode", "重庆火锅 🌶️ Ünïcödé"),
    ];

    /// <summary>Control characters, which are dropped (line breaks become spaces in one-line fields).</summary>
    public static readonly IReadOnlyList<HostileText> Controls =
    [
        new("nul", "before\0after", null, null, Unreadable: true),
        new("control characters", "a\u0001\u0007\u001b[31mb\u007f", "a[31mb", "a[31mb"),
        new("header injection", "line one\r\nSet-Cookie: np_evil=1", "line one Set-Cookie: np_evil=1", "line one\nSet-Cookie: np_evil=1"),
        new("bidi override", "invoice\u202Egnp.exe", "invoicegnp.exe", "invoicegnp.exe"),
    ];

    /// <summary>Values that must be refused with a message whatever the field.</summary>
    public static readonly IReadOnlyList<HostileText> Refused =
    [
        new("only whitespace", " \t \r\n ", null, null),
        new("only invisible characters", "\u200B\u200B\uFEFF\u0001", null, null),
        new("oversized", new string('x', 100_000), null, null),
        new("undecodable text", "caf\uFFFD au lait", null, null),
    ];

    public static IEnumerable<HostileText> All => [.. Markup, .. Metacharacters, .. Controls, .. Refused];

    public static HostileText Named(string name) => All.Single(t => t.Name == name);

    public static TheoryData<string> Names(IEnumerable<HostileText> texts)
    {
        var data = new TheoryData<string>();
        foreach (var text in texts)
        {
            data.Add(text.Name);
        }

        return data;
    }

    public override string ToString() => Name;
}
