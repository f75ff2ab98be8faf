using Microsoft.Extensions.Options;

namespace NewsPortal.Web.Platform.Site;

/// <summary>
/// Absolute URLs for canonical links, feeds, sitemaps and structured data: from Site:BaseUrl when it is
/// set (it should be, in production, so that a forged Host header cannot change them), otherwise from the
/// request's scheme and host.
/// </summary>
public sealed class SiteUrls(IOptions<SiteOptions> options)
{
    private readonly string? _configured = string.IsNullOrWhiteSpace(options.Value.BaseUrl) ? null : options.Value.BaseUrl.TrimEnd('/');

    public string Base(HttpRequest request) => _configured ?? $"{request.Scheme}://{request.Host}{request.PathBase}";

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
