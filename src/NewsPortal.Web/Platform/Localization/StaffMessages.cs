using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace NewsPortal.Web.Platform.Localization;

/// <summary>
/// Translates a message made in English elsewhere (a page model's notice, a rule in Core, a validation attribute) for
/// the staff page that shows it. A message is looked up by its English text; a message that holds numbers or names
/// is found by a key with placeholders ("The title can be at most {0} characters."), and what stood in each
/// placeholder is translated in turn when the resources know it. English pages show the message as it is.
/// </summary>
public static partial class StaffMessages
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<(Regex Pattern, string Key)>> PatternsByResource = new();

    /// <summary>The message in the language of the page; the English message when no translation is known.</summary>
    public static string Message(this IStringLocalizer localizer, string? english)
    {
        if (string.IsNullOrEmpty(english) || StaffLanguage.Current == ReaderLanguage.English)
        {
            return english ?? "";
        }

        return Translate(localizer, english, depth: 0) ?? english;
    }

    /// <summary>The translation, or null when the resources have none.</summary>
    private static string? Translate(IStringLocalizer localizer, string english, int depth)
    {
        var exact = localizer[english];
        if (!exact.ResourceNotFound)
        {
            return exact.Value;
        }

        // A word that stood in a placeholder ("tag" in "A tag name can be…") may be known by its capitalised form,
        // as a heading: resources cannot hold both, which differ only in case.
        if (depth > 0 && english.Length > 0 && char.IsLower(english[0])
            && localizer[char.ToUpperInvariant(english[0]) + english[1..]] is { ResourceNotFound: false } capitalised)
        {
            return capitalised.Value;
        }

        if (depth > 3)
        {
            return null;
        }

        foreach (var (pattern, key) in Patterns(localizer))
        {
            var match = pattern.Match(english);
            if (!match.Success)
            {
                continue;
            }

            var values = match.Groups.Cast<Group>().Skip(1)
                .Select(g => (Index: int.Parse(g.Name[1..], CultureInfo.InvariantCulture), Text: g.Value))
                .OrderBy(v => v.Index)
                .Select(v => (object)(Translate(localizer, v.Text, depth + 1) ?? v.Text))
                .ToArray();
            return string.Format(CultureInfo.CurrentCulture, localizer[key].Value, values);
        }

        return null;
    }

    /// <summary>The keys with placeholders, as patterns: the longest literal text first, so the most particular key wins.</summary>
    private static IReadOnlyList<(Regex Pattern, string Key)> Patterns(IStringLocalizer localizer) =>
        PatternsByResource.GetOrAdd(localizer.GetType(), _ =>
        {
            using var english = new CultureScope(CultureInfo.InvariantCulture);
            return localizer.GetAllStrings(includeParentCultures: true)
                .Select(s => s.Name)
                .Where(k => Placeholder().IsMatch(k))
                .OrderByDescending(k => Placeholder().Replace(k, "").Length)
                .Select(k => (new Regex("^" + EscapedPlaceholder().Replace(Regex.Escape(k), m => $"(?<p{m.Groups[1].Value}>.+?)") + "$",
                    RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), k))
                .ToList();
        });

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();

    // A placeholder as Regex.Escape writes it: "\{0}".
    [GeneratedRegex(@"\\\{(\d+)\}")]
    private static partial Regex EscapedPlaceholder();

    /// <summary>Reads the neutral (English) resources' keys whatever the request's culture.</summary>
    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo _ui = CultureInfo.CurrentUICulture;

        public CultureScope(CultureInfo culture) => CultureInfo.CurrentUICulture = culture;

        public void Dispose() => CultureInfo.CurrentUICulture = _ui;
    }
}
