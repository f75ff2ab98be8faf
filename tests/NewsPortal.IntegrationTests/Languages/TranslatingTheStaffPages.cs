using System.Text.RegularExpressions;
using NewsPortal.Core.Activity;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Articles.Editing;
using NewsPortal.Core.Mail;
using NewsPortal.Core.Messages;
using NewsPortal.Core.Staff;
using NewsPortal.Web.Features.Staff.Activity;
using NewsPortal.Web.Features.Staff.Articles;
using NewsPortal.Web.Features.Staff.Inbox;
using static NewsPortal.IntegrationTests.Languages.TranslatingTheInterface;

namespace NewsPortal.IntegrationTests.Languages;

/// <summary>
/// The staff pages' text exists in English and Chinese: StaffText.resx and StaffText.zh-Hans.resx hold the same keys,
/// every Chinese text is Chinese with the same placeholders, every text a staff view asks for is there, the staff
/// views hold no English of their own, and every message a staff page model or a rule in Core makes for a staff
/// form has its translation (keyed by its English text, numbers and names as {0}, {1}…).
/// </summary>
public sealed partial class TranslatingTheStaffPages
{
    private static readonly string WebProject = TranslatingTheInterface.Web;

    private static readonly string Core = Path.Combine(Path.GetDirectoryName(WebProject)!, "NewsPortal.Core");

    // Names that are the same in both languages.
    private static readonly HashSet<string> SameInBoth = ["CSV", "RSS", "Markdown", "WebVTT", "URL", "{0} · {1}", "{0} ({1})", "{0}: {1}", "{0} × {1}"];

    // Core files whose messages never reach a staff page: the reader's message form (SharedText has those), the
    // command line, seeding, search, mail and the data layer.
    private static readonly string[] ReaderOrCommandLine =
    [
        "Messages/MessageRules.cs", "Articles/Import/", "Seeding/", "Search/", "Mail/", "Data/", "Consent/", "Feeds/", "Migrations",
        "Media/Video/ToolRunner.cs", "Articles/Transliteration.cs",
        // Emails to a reporter, not pages.
        "Review/ReviewNotices.cs",
    ];

    [Fact]
    public void Both_languages_have_every_key_and_every_Chinese_text_is_Chinese_with_the_same_placeholders()
    {
        var english = Entries("StaffText.resx");
        var chinese = Entries("StaffText.zh-Hans.resx");

        Assert.True(english.Count > 300, "the staff resources were not found");
        Assert.Empty(english.Keys.Except(chinese.Keys));
        Assert.Empty(chinese.Keys.Except(english.Keys));
        Assert.All(english, e => Assert.Equal(e.Key, e.Value));
        Assert.Empty(english.Keys.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => string.Join(" / ", g)));
        Assert.All(chinese, e => Assert.False(string.IsNullOrWhiteSpace(e.Value), $"\"{e.Key}\" is blank in Chinese"));
        Assert.All(chinese.Where(e => !SameInBoth.Contains(e.Key)), e =>
            Assert.True(CjkOrPunctuation().IsMatch(e.Value), $"\"{e.Key}\" is not translated into Chinese: \"{e.Value}\""));
        Assert.All(chinese, e => Assert.True(Placeholders(e.Key).SequenceEqual(Placeholders(e.Value)), $"\"{e.Key}\" and \"{e.Value}\" hold different placeholders"));
    }

    [Fact]
    public void Every_text_the_staff_pages_ask_for_is_in_both_languages()
    {
        var english = Entries("StaffText.resx");
        var chinese = Entries("StaffText.zh-Hans.resx");
        var asked = StaffSources()
            .SelectMany(f => StaffLookup().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetRelativePath(WebProject, f), Key: Unescape(m.Groups["key"].Value))))
            .ToList();

        Assert.True(asked.Count > 300, "the staff views' lookups were not found");
        var missing = asked.Where(a => !english.ContainsKey(a.Key) || !chinese.ContainsKey(a.Key)).Select(a => $"{a.File}: \"{a.Key}\"").Distinct().ToList();
        Assert.True(missing.Count == 0, "Asked for, but missing from the staff resources:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_message_a_staff_page_model_or_a_rule_in_Core_makes_has_its_translation()
    {
        var english = Entries("StaffText.resx");
        var sources = Directory.EnumerateFiles(Path.Combine(WebProject, "Features", "Staff"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Core, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    && !ReaderOrCommandLine.Any(r => Path.GetRelativePath(Core, f).Replace('\\', '/').StartsWith(r, StringComparison.Ordinal))))
            .ToList();

        var messages = sources.SelectMany(f => Messages(File.ReadAllText(f)).Select(m => (File: Path.GetRelativePath(Path.GetDirectoryName(WebProject)!, f), Key: m))).ToList();

        Assert.True(messages.Count > 150, "the messages were not found");
        var missing = messages.Where(m => !english.ContainsKey(m.Key)).Select(m => $"{m.File}: \"{m.Key}\"").Distinct().ToList();
        Assert.True(missing.Count == 0, "Messages without a staff translation:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_name_the_staff_pages_look_up_as_it_is_stored_is_in_both_languages()
    {
        var english = Entries("StaffText.resx");
        var chinese = Entries("StaffText.zh-Hans.resx");
        var statuses = new ArticleStatus?[] { null }.Concat(Enum.GetValues<ArticleStatus>().Cast<ArticleStatus?>()).ToList();
        var names = ActivityActions.All.Select(ActivityNames.Key).Append(ActivityLog.SiteName)
            .Concat(StaffRoles.All)
            .Concat(Enum.GetNames<ArticleStatus>())
            .Concat(Enum.GetNames<MessageStatus>())
            .Concat(InboxTabs.All.Select(t => t.Title))
            .Concat(Enum.GetValues<ArticleAction>().SelectMany(a => statuses.Select(s => ArticleCommands.Label(a, s))))
            .Concat(["cover", "gallery", "body", "sent", "sending", "queued", MailOutbox.NotConfigured])
            .Distinct()
            .ToList();

        var missing = names.Where(n => !english.ContainsKey(n) || !chinese.ContainsKey(n)).ToList();
        Assert.True(missing.Count == 0, "Missing from the staff resources: " + string.Join(", ", missing));
    }

    [Fact]
    public void Staff_views_hold_no_English_text_outside_the_resources()
    {
        var features = Path.Combine(WebProject, "Features");
        var views = Directory.EnumerateFiles(Path.Combine(features, "Staff"), "*.cshtml", SearchOption.AllDirectories)
            .Concat(StaffOnlyComponents.SelectMany(c => Directory.EnumerateFiles(Path.Combine(features, "Shared", "Components", c), "*.cshtml")))
            .Append(Path.Combine(features, "Shared", "_StaffLayout.cshtml"))
            .Where(f => !f.EndsWith("Export.cshtml", StringComparison.Ordinal))
            .ToList();

        var found = new List<string>();
        foreach (var view in views)
        {
            var markup = Entity().Replace(Markup(File.ReadAllText(view)), " ");
            foreach (Match text in StaffTextNode().Matches(markup))
            {
                // Text holding a semicolon is still text, unless it is a line of C# ending in one.
                if (!text.Groups["text"].Value.TrimEnd().EndsWith(';'))
                {
                    found.Add($"{Path.GetRelativePath(WebProject, view)}: \"{text.Groups["text"].Value.Trim()}\"");
                }
            }

            foreach (Match attribute in TextAttribute().Matches(markup))
            {
                found.Add($"{Path.GetRelativePath(WebProject, view)}: {attribute.Value}");
            }
        }

        Assert.True(views.Count > 40, "the staff views were not found");
        Assert.True(found.Count == 0, "English text outside the staff resources:\n" + string.Join("\n", found));
    }

    /// <summary>The staff views, the staff layout and components, and the staff page models.</summary>
    private static IEnumerable<string> StaffSources()
    {
        var features = Path.Combine(WebProject, "Features");
        return Directory.EnumerateFiles(Path.Combine(features, "Staff"), "*.*", SearchOption.AllDirectories)
            .Concat(StaffOnlyComponents.SelectMany(c => Directory.EnumerateFiles(Path.Combine(features, "Shared", "Components", c))))
            .Append(Path.Combine(features, "Shared", "_StaffLayout.cshtml"))
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal));
    }

    /// <summary>
    /// The sentences in a C# file that people read: string literals that begin with a capital letter, hold a space and
    /// end as a sentence does, each as its resource key (the holes of an interpolated string, and the placeholders
    /// of a validation attribute's message, numbered {0}, {1}… in order). Log messages, exceptions, comments and
    /// log templates (with {Name} placeholders) are not for staff pages.
    /// </summary>
    internal static IEnumerable<string> Messages(string source)
    {
        var code = string.Join("\n", source.Split('\n').Where(line => !NotShown().IsMatch(line)));
        foreach (Match literal in Literal().Matches(code))
        {
            var text = literal.Groups["text"].Value.Replace("\\\"", "\"", StringComparison.Ordinal);
            if (LogTemplate().IsMatch(literal.Groups["interpolated"].Success ? "" : text))
            {
                continue;
            }

            var number = 0;
            var key = literal.Groups["interpolated"].Success
                ? Hole().Replace(text.Replace("{{", "\u0001", StringComparison.Ordinal).Replace("}}", "\u0002", StringComparison.Ordinal), _ => "{" + number++ + "}")
                    .Replace("\u0001", "{", StringComparison.Ordinal).Replace("\u0002", "}", StringComparison.Ordinal)
                : Renumber(text);
            if (Sentence().IsMatch(key))
            {
                yield return key;
            }
        }
    }

    private static string Renumber(string text)
    {
        var order = Numbered().Matches(text).Select(m => m.Value).Distinct().ToList();
        return Numbered().Replace(text, m => "{" + order.IndexOf(m.Value) + "}");
    }

    [GeneratedRegex(@"(?<interpolated>\$)?(?<![@""])""(?<text>(?:[^""\\\n]|\\.)*)""")]
    private static partial Regex Literal();

    [GeneratedRegex(@"^[A-Z][^\n]*\s[^\n]*[.!?)]$")]
    private static partial Regex Sentence();

    [GeneratedRegex(@"\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}")]
    private static partial Regex Hole();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Numbered();

    // Text between tags that holds a Latin letter (semicolons included, which the reader check leaves out).
    [GeneratedRegex(@">(?<text>[^<>{}@]*[A-Za-z]{2,}[^<>{}@]*)<")]
    private static partial Regex StaffTextNode();

    [GeneratedRegex(@"&[a-z]+;|&#x?[0-9a-fA-F]+;")]
    private static partial Regex Entity();

    [GeneratedRegex(@"\{[A-Za-z]\w*\}")]
    private static partial Regex LogTemplate();

    [GeneratedRegex(@"^\s*(?://|\*|\[GeneratedRegex)|\bLog(?:Information|Warning|Error|Debug|Critical|Trace)\b|Exception\(|HealthCheckResult|\bthrow\b|Description\s*=")]
    private static partial Regex NotShown();
}
