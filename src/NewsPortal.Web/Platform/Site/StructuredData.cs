using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Html;
using NewsPortal.Core.Articles;
using NewsPortal.Web.Platform.Media;

namespace NewsPortal.Web.Platform.Site;

/// <summary>schema.org JSON-LD for the page head, serialised so that it cannot end its script element.</summary>
public static class StructuredData
{
    public const string LogoPath = "/images/logo.png";
    public const int LogoWidth = 600;
    public const int LogoHeight = 60;

    // The default encoder escapes <, >, & and quotes as \u003C etc., so "</script>" can never appear.
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Default };

    public static string Serialize(JsonObject data) => data.ToJsonString(Options);

    /// <summary>The whole script element; JSON-LD is data, which a Content-Security-Policy does not block.</summary>
    public static HtmlString Script(JsonObject data) => new($"<script type=\"application/ld+json\">{Serialize(data)}</script>");

    /// <summary>ISO 8601 in UTC, as structured data and OpenGraph expect.</summary>
    public static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A NewsArticle: <paramref name="url"/> turns a path into an absolute URL.</summary>
    public static JsonObject NewsArticle(ArticleDetail article, SiteOptions site, Func<string, string> url, string language)
    {
        var authors = new JsonArray();
        foreach (var author in article.Authors)
        {
            authors.Add(new JsonObject
            {
                ["@type"] = "Person",
                ["name"] = author.Name,
                ["url"] = url($"/author/{author.Slug}"),
            });
        }

        var data = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["headline"] = article.Headline,
            ["description"] = article.Standfirst,
            ["datePublished"] = Iso(article.PublishedAt),
            ["dateModified"] = Iso(article.UpdatedAt > article.PublishedAt ? article.UpdatedAt : article.PublishedAt),
            ["author"] = authors,
            ["publisher"] = Publisher(site, url),
            ["mainEntityOfPage"] = new JsonObject
            {
                ["@type"] = "WebPage",
                ["@id"] = url($"/article/{article.Slug}"),
            },
            ["articleSection"] = article.Section.Name,
            ["inLanguage"] = language,
        };
        if (MediaUrls.Largest(article.CoverImage, article.CoverAddress) is { } cover)
        {
            data["image"] = new JsonArray(url(cover));
        }

        if (article.Tags.Count > 0)
        {
            data["keywords"] = new JsonArray(article.Tags.Select(t => (JsonNode?)JsonValue.Create(t.Name)).ToArray());
        }

        return data;
    }

    /// <summary>The site as publisher, with the logo administrators uploaded (else the default one).</summary>
    public static JsonObject Publisher(SiteOptions site, Func<string, string> url) => new()
    {
        ["@type"] = "Organization",
        ["name"] = site.Name,
        ["url"] = url("/"),
        ["logo"] = new JsonObject
        {
            ["@type"] = "ImageObject",
            ["url"] = url(site.LogoPath ?? LogoPath),
            ["width"] = site.LogoPath is null ? LogoWidth : site.LogoWidth,
            ["height"] = site.LogoPath is null ? LogoHeight : site.LogoHeight,
        },
    };

    public static JsonObject BreadcrumbList(IEnumerable<(string Name, string Path)> crumbs, Func<string, string> url)
    {
        var items = new JsonArray();
        var position = 1;
        foreach (var (name, path) in crumbs)
        {
            items.Add(new JsonObject
            {
                ["@type"] = "ListItem",
                ["position"] = position++,
                ["name"] = name,
                ["item"] = url(path),
            });
        }

        return new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "BreadcrumbList",
            ["itemListElement"] = items,
        };
    }
}
