namespace NewsPortal.Web.Platform.Localization;

/// <summary>
/// Chooses the language of reader pages by the address. A request under /zh is served in Chinese: the prefix
/// moves from the path to the path base, so every page, endpoint and middleware page matches the path it
/// always did, and every address generated from the path base (links written "~/…", redirects, canonical
/// URLs) stays under /zh. Staff pages are never under /zh (their language belongs to the account), so
/// /zh/staff… is simply not found. Every other request is English. Accept-Language never changes the
/// language (see <see cref="LanguageSuggestion"/>).
/// </summary>
public sealed class LanguagePrefixMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var original = request.PathBase;
        var language = ReaderLanguage.English;
        foreach (var candidate in ReaderLanguage.All)
        {
            if (candidate.Prefix.Length > 0
                && request.Path.StartsWithSegments(candidate.Prefix, StringComparison.Ordinal, out var rest)
                && !rest.StartsWithSegments("/staff", StringComparison.OrdinalIgnoreCase))
            {
                language = candidate;
                request.PathBase = original.Add(candidate.Prefix);
                request.Path = rest.HasValue ? rest : new PathString("/");
                break;
            }
        }

        context.Features.Set(new ReaderLanguageFeature(language, original));
        return next(context);
    }
}
