using Microsoft.Net.Http.Headers;

namespace NewsPortal.Web.Platform.Localization;

/// <summary>
/// The other language a reader's browser prefers (Accept-Language), offered as a visible link; never a redirect.
/// Cached pages vary by the suggestion (none, or the other language), not by the header itself, so a page has at
/// most two cached copies per language.
/// </summary>
public static class LanguageSuggestion
{
    /// <summary>The language to suggest on this request, or null when the browser's first choice is the page's language or neither.</summary>
    public static ReaderLanguage? For(HttpContext context)
    {
        var current = ReaderLanguage.Of(context);
        if (!StringWithQualityHeaderValue.TryParseList(context.Request.Headers.AcceptLanguage, out var values) || values.Count == 0)
        {
            return null;
        }

        foreach (var value in values.Where(v => v.Quality is null or > 0).OrderByDescending(v => v.Quality ?? 1))
        {
            var tag = value.Value.Value ?? "";
            var match = tag.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? ReaderLanguage.Chinese
                : tag.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? ReaderLanguage.English
                : null;
            if (match is not null)
            {
                return match == current ? null : match;
            }
        }

        return null;
    }
}
