using Microsoft.Extensions.Options;
using NewsPortal.Web.Platform.Localization;

namespace NewsPortal.Web.Platform.Site;

/// <summary>
/// Absolute URLs for canonical links, feeds, sitemaps and structured data: from Site:BaseUrl when it is
/// set (it should be, in production, so that a forged Host header cannot change them), otherwise from the
/// request's scheme and host. Addresses are in the request's language (under /zh for Chinese pages);
/// <see cref="In"/> gives the same path in another language, for hreflang alternates.
/// </summary>
public sealed class SiteUrls(IOptions<SiteOptions> options)
{
    private readonly string? _configured = string.IsNullOrWhiteSpace(options.Value.BaseUrl) ? null : options.Value.BaseUrl.TrimEnd('/');

    public string Base(HttpRequest request) => Root(request) + ReaderLanguage.Of(request.HttpContext).Prefix;

    /// <summary>The site's address without a language prefix.</summary>
    public string Root(HttpRequest request) =>
        _configured ?? $"{request.Scheme}://{request.Host}{request.HttpContext.Features.Get<ReaderLanguageFeature>()?.OriginalPathBase ?? request.PathBase}";

    /// <summary><paramref name="path"/> ("/article/x") as an absolute address in <paramref name="language"/>.</summary>
    public string In(ReaderLanguage language, HttpRequest request, string path) =>
        Root(request) + language.Prefix + (path.StartsWith('/') ? path : "/" + path);

    /// <summary>Makes <paramref name="pathOrUrl"/> absolute; an absolute URL is returned as it is.</summary>
    public string Absolute(HttpRequest request, string pathOrUrl)
    {
        if (Uri.TryCreate(pathOrUrl, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return pathOrUrl;
        }

        return Base(request) + (pathOrUrl.StartsWith('/') ? pathOrUrl : "/" + pathOrUrl);
    }
}
