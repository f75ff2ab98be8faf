using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace NewsPortal.Web.Platform.Site;

/// <summary>
/// What a reader page tells browsers, search engines and link previews about itself; rendered in the
/// layout's head by _Metadata.cshtml. Pages fill it through <see cref="PageMetaExtensions.Meta"/>; a page
/// that does not still gets a title, description and canonical URL from ViewData["Title"]/["Description"].
/// </summary>
public sealed class PageMeta
{
    /// <summary>The page's own title, without the site name.</summary>
    public string? Title { get; set; }

    public string? Description { get; set; }

    /// <summary>Path and query of the canonical URL ("/section/city?page=2"); null: the request path.</summary>
    public string? CanonicalPath { get; set; }

    /// <summary>OpenGraph type: "website" or "article".</summary>
    public string Type { get; set; } = "website";

    /// <summary>Image for link previews (path or absolute URL); null: the site's default card.</summary>
    public string? Image { get; set; }

    public string? ImageAlt { get; set; }

    public DateTime? PublishedUtc { get; set; }

    public DateTime? ModifiedUtc { get; set; }

    public string? Section { get; set; }

    public IReadOnlyList<string> Tags { get; set; } = [];

    /// <summary>The language of the page's content (an article's language); null: the interface's language.</summary>
    public string? Language { get; set; }

    /// <summary>
    /// The page's address in each language (hreflang alternates and the language switch), by reader language code;
    /// null: the same path in every reader language. An article links its translation here.
    /// </summary>
    public Dictionary<string, string>? Alternates { get; set; }

    /// <summary>Keeps the page out of search engines (search results, for example).</summary>
    public bool NoIndex { get; set; }

    /// <summary>Feeds that belong to this page, advertised besides the site-wide ones.</summary>
    public List<FeedLink> Feeds { get; } = [];

    /// <summary>Where the page sits, from the home page down (name, path); rendered as a BreadcrumbList.</summary>
    public List<(string Name, string Path)> Breadcrumbs { get; } = [];

    /// <summary>Further JSON-LD objects (NewsArticle on article pages).</summary>
    public List<JsonObject> StructuredData { get; } = [];
}

public static class PageLanguages
{
    /// <summary>The interface's language where it differs from the page's (an article in the other language), for a lang attribute on the site's chrome; else null.</summary>
    public static string? ChromeLanguage(this PageMeta meta, HttpContext context)
    {
        var ui = NewsPortal.Web.Platform.Localization.ReaderLanguage.Of(context).Code;
        return meta.Language is { } page && page != ui ? ui : null;
    }

    /// <summary>The page's path (without language prefix) in <paramref name="language"/>: its alternate, or its own canonical path.</summary>
    public static string PathIn(this PageMeta meta, NewsPortal.Web.Platform.Localization.ReaderLanguage language, HttpContext context) =>
        meta.Alternates is { } alternates
            ? alternates.GetValueOrDefault(language.Code) ?? meta.CanonicalPath ?? context.Request.Path.Value ?? "/"
            : meta.CanonicalPath ?? context.Request.Path.Value ?? "/";

    /// <summary>The languages the page exists in: every reader language, or those its alternates name.</summary>
    public static IEnumerable<NewsPortal.Web.Platform.Localization.ReaderLanguage> Languages(this PageMeta meta) =>
        NewsPortal.Web.Platform.Localization.ReaderLanguage.All.Where(l => meta.Alternates is null || meta.Alternates.ContainsKey(l.Code));
}

public sealed record FeedLink(string Title, string Type, string Path);

public static class PageMetaExtensions
{
    private const string Key = "NewsPortal.PageMeta";

    /// <summary>A section, tag or author listing: canonical URL with ?page=N beyond page 1, breadcrumbs, description.</summary>
    public static PageMeta Listing(this PageMeta meta, NewsPortal.Core.Articles.Listing listing, Microsoft.Extensions.Localization.IStringLocalizer text)
    {
        var path = $"/{listing.Kind.ToLowerInvariant()}/{listing.Slug}";
        meta.CanonicalPath = listing.Page.Page > 1 ? $"{path}?page={listing.Page.Page}" : path;
        meta.Description ??= string.IsNullOrWhiteSpace(listing.Description) ? text["{0}: {1}", text[listing.Kind].Value, listing.Name].Value : listing.Description;
        meta.Breadcrumbs.Clear();
        meta.Breadcrumbs.AddRange([("Home", "/"), (listing.Name, path)]);
        return meta;
    }

    /// <summary>The page's metadata, created on first use.</summary>
    public static PageMeta Meta(this ViewDataDictionary viewData)
    {
        if (viewData[Key] is not PageMeta meta)
        {
            meta = new PageMeta();
            viewData[Key] = meta;
        }

        return meta;
    }
}
