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

    /// <summary>Keeps the page out of search engines (search results, for example).</summary>
    public bool NoIndex { get; set; }

    /// <summary>Feeds that belong to this page, advertised besides the site-wide ones.</summary>
    public List<FeedLink> Feeds { get; } = [];

    /// <summary>Where the page sits, from the home page down (name, path); rendered as a BreadcrumbList.</summary>
    public List<(string Name, string Path)> Breadcrumbs { get; } = [];

    /// <summary>Further JSON-LD objects (NewsArticle on article pages).</summary>
    public List<JsonObject> StructuredData { get; } = [];
}

public sealed record FeedLink(string Title, string Type, string Path);

public static class PageMetaExtensions
{
    private const string Key = "NewsPortal.PageMeta";

    /// <summary>A section, tag or author listing: canonical URL with ?page=N beyond page 1, breadcrumbs, description.</summary>
    public static PageMeta Listing(this PageMeta meta, NewsPortal.Core.Articles.Listing listing)
    {
        var path = $"/{listing.Kind.ToLowerInvariant()}/{listing.Slug}";
        meta.CanonicalPath = listing.Page.Page > 1 ? $"{path}?page={listing.Page.Page}" : path;
        meta.Description ??= string.IsNullOrWhiteSpace(listing.Description) ? $"{listing.Kind}: {listing.Name}" : listing.Description;
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
