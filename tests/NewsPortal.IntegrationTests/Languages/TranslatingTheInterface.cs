using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace NewsPortal.IntegrationTests.Languages;

/// <summary>
/// The interface text exists in both languages: the English and Chinese resource files hold the same keys with
/// nothing left blank or untranslated, every text a reader page or page model asks for is in them, and the reader
/// views hold no English of their own outside the resources.
/// </summary>
public sealed partial class TranslatingTheInterface
{
    internal static readonly string Web = Path.Combine(RepositoryRoot(), "src", "NewsPortal.Web");
    internal static readonly string Resources = Path.Combine(Web, "Platform", "Localization");

    // Words that are the same in both languages (names of things).
    private static readonly HashSet<string> SameInBoth = ["Cookie"];

    [Fact]
    public void Both_languages_have_every_key_and_every_Chinese_text_is_translated()
    {
        var english = Entries("SharedText.resx");
        var chinese = Entries("SharedText.zh-Hans.resx");

        Assert.Empty(english.Keys.Except(chinese.Keys));
        Assert.Empty(chinese.Keys.Except(english.Keys));
        Assert.All(english, e => Assert.Equal(e.Key, e.Value));
        Assert.All(chinese, e => Assert.False(string.IsNullOrWhiteSpace(e.Value), $"\"{e.Key}\" is blank in Chinese"));
        Assert.All(chinese.Where(e => !SameInBoth.Contains(e.Key)), e =>
            Assert.True(CjkOrPunctuation().IsMatch(e.Value), $"\"{e.Key}\" is not translated into Chinese: \"{e.Value}\""));
        Assert.All(chinese, e => Assert.Equal(Placeholders(e.Key), Placeholders(e.Value)));
    }

    [Fact]
    public void Every_text_the_pages_ask_for_is_in_both_languages()
    {
        var english = Entries("SharedText.resx");
        var chinese = Entries("SharedText.zh-Hans.resx");
        var asked = SourceFiles()
            .SelectMany(f => Lookup().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetRelativePath(Web, f), Key: Unescape(m.Groups["key"].Value))))
            .ToList();

        Assert.NotEmpty(asked);
        Assert.All(asked, a => Assert.True(english.ContainsKey(a.Key) && chinese.ContainsKey(a.Key), $"{a.File} asks for \"{a.Key}\", which the resources lack"));
    }

    /// <summary>View components only the staff dashboard shows (checked with the staff pages, in TranslatingTheStaffPages).</summary>
    internal static readonly string[] StaffOnlyComponents = ["ReviewQueue", "NewsroomFigures"];

    [Fact]
    public void Reader_views_hold_no_English_text_outside_the_resources()
    {
        var views = Directory.EnumerateFiles(Path.Combine(Web, "Features"), "*.cshtml", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Staff", StringComparison.Ordinal)
                && !Path.GetFileName(f).StartsWith("_Staff", StringComparison.Ordinal)
                && !StaffOnlyComponents.Any(c => f.Contains($"{Path.DirectorySeparatorChar}Components{Path.DirectorySeparatorChar}{c}{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                && !f.EndsWith("Export.cshtml", StringComparison.Ordinal))
            .ToList();

        var found = new List<string>();
        foreach (var view in views)
        {
            var markup = Markup(File.ReadAllText(view));
            foreach (Match text in TextNode().Matches(markup))
            {
                found.Add($"{Path.GetRelativePath(Web, view)}: \"{text.Groups["text"].Value.Trim()}\"");
            }

            foreach (Match attribute in TextAttribute().Matches(markup))
            {
                found.Add($"{Path.GetRelativePath(Web, view)}: {attribute.Value}");
            }
        }

        Assert.True(views.Count > 15, "the reader views were not found");
        Assert.True(found.Count == 0, "English text outside the resources:\n" + string.Join("\n", found));
    }

    /// <summary>
    /// The view without directives, comments, code blocks, Razor expressions, code samples and proper names
    /// (services and formats, the same in both languages): what is left is markup and literal text.
    /// </summary>
    internal static string Markup(string view)
    {
        var text = Directive().Replace(view, "");
        text = RazorComment().Replace(text, "");
        text = RemoveBlocks(text, "@{");
        text = RemoveBlocks(text, "@functions {");
        text = Lookup().Replace(text, "T[\"\"");
        text = StaffLookup().Replace(text, "S[\"\"");
        text = Condition().Replace(text, " ");
        text = RazorExpression().Replace(text, " ");
        text = Code().Replace(text, "<code></code>");
        return ProperName().Replace(text, "");
    }

    /// <summary>Removes every "@{ ... }" block, counting braces.</summary>
    private static string RemoveBlocks(string text, string opener)
    {
        int start;
        while ((start = text.IndexOf(opener, StringComparison.Ordinal)) >= 0)
        {
            var depth = 0;
            var end = start + opener.Length - 1;
            for (; end < text.Length; end++)
            {
                depth += text[end] == '{' ? 1 : text[end] == '}' ? -1 : 0;
                if (depth == 0)
                {
                    break;
                }
            }

            text = text[..start] + text[Math.Min(end + 1, text.Length)..];
        }

        return text;
    }

    /// <summary>True when <paramref name="key"/> is in both resource files: for texts pages ask for through a constant, not as T["…"].</summary>
    public static bool IsTranslated(string key) =>
        Entries("SharedText.resx").ContainsKey(key) && Entries("SharedText.zh-Hans.resx").ContainsKey(key);

    internal static Dictionary<string, string> Entries(string file) =>
        XDocument.Load(Path.Combine(Resources, file)).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(Web, "Features"), "*.*", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(Web, "Platform"), "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.EndsWith("SharedText.cs", StringComparison.Ordinal));

    internal static List<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal).ToList();

    internal static string Unescape(string key) => key.Replace("\\\"", "\"", StringComparison.Ordinal);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NewsPortal.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root was not found.");
    }

    [GeneratedRegex(@"(?<![A-Za-z])(?:T|text)\[""(?<key>(?:[^""\\]|\\.)*)""")]
    private static partial Regex Lookup();

    // S["..."]: the staff pages' text (StaffText).
    [GeneratedRegex(@"(?<![A-Za-z])S\[""(?<key>(?:[^""\\]|\\.)*)""")]
    internal static partial Regex StaffLookup();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"[\u3000-\u303F\u4E00-\u9FFF\uFF00-\uFFEF]")]
    internal static partial Regex CjkOrPunctuation();

    // Directives, and the lines of C# inside @if/@foreach/else blocks that declare a variable.
    [GeneratedRegex(@"^\s*(?:@(?:inject|model|using|page|namespace|addTagHelper)\b.*|var\s.*;\s*)$", RegexOptions.Multiline)]
    private static partial Regex Directive();

    // The condition of @if, @foreach, else if and the like.
    [GeneratedRegex(@"@?\b(?:if|foreach|for|while|switch|case)\s*\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)")]
    private static partial Regex Condition();

    [GeneratedRegex(@"<code>.*?</code>", RegexOptions.Singleline)]
    private static partial Regex Code();

    [GeneratedRegex(@"\b(?:Weibo|Facebook|RSS|Atom)\b")]
    private static partial Regex ProperName();

    [GeneratedRegex(@"@\*.*?\*@", RegexOptions.Singleline)]
    private static partial Regex RazorComment();

    // @T["..."], @Model.X.Y(...), @(...), @if/@foreach/@switch keywords and the like.
    [GeneratedRegex(@"@(?:await\s+)?(?:\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)|[A-Za-z_][\w.]*(?:\[(?:[^\[\]]|\[[^\]]*\])*\]|\((?:[^()]|\([^()]*\))*\))*(?:\.[\w]+(?:\((?:[^()]|\([^()]*\))*\))?)*)")]
    private static partial Regex RazorExpression();

    // Text between tags that holds a Latin letter, and is not C# (a line of code inside @if/@foreach blocks ends in ; or { or }).
    [GeneratedRegex(@">(?<text>[^<>{};@]*[A-Za-z]{2,}[^<>{};@]*)<")]
    internal static partial Regex TextNode();

    // Attributes people read: aria-label, placeholder, title, alt with literal English.
    [GeneratedRegex(@"\b(?:aria-label|placeholder|title|alt)=""[^""@]*[A-Za-z]{2,}[^""@]*""")]
    internal static partial Regex TextAttribute();
}
