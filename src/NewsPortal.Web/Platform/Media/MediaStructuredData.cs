using System.Globalization;
using System.Text.Json.Nodes;
using NewsPortal.Core.Media.Library;

namespace NewsPortal.Web.Platform.Media;

/// <summary>schema.org ImageObject and VideoObject entries for the library pictures and videos an article shows.</summary>
public static class MediaStructuredData
{
    /// <summary>Adds the article's pictures to its "image" list (after the cover) and its videos as "video".</summary>
    public static JsonObject WithMedia(this JsonObject article, IReadOnlyList<(MediaItem Item, MediaUse Use, string? Caption)> media, Func<string, string> url)
    {
        var images = article["image"] as JsonArray ?? [];
        var videos = new JsonArray();
        foreach (var (item, _, caption) in media)
        {
            if (item.Kind == MediaKind.Video)
            {
                videos.Add(Video(item, caption, url));
            }
            else if (item.Image is { } image)
            {
                var entry = new JsonObject
                {
                    ["@type"] = "ImageObject",
                    ["contentUrl"] = url(MediaUrls.Of(image, MediaUrls.Widths(image).Max())),
                    ["width"] = image.Width,
                    ["height"] = image.Height,
                    ["description"] = item.AltText,
                };
                Words(entry, caption, item.Credit);
                images.Add(entry);
            }
        }

        if (images.Count > 0)
        {
            article["image"] = images;
        }

        if (videos.Count > 0)
        {
            article["video"] = videos;
        }

        return article;
    }

    private static JsonObject Video(MediaItem item, string? caption, Func<string, string> url)
    {
        var entry = new JsonObject
        {
            ["@type"] = "VideoObject",
            ["name"] = caption ?? item.AltText,
            ["description"] = item.AltText,
            ["contentUrl"] = url(MediaUrls.File(item.VideoFile ?? "")),
            ["encodingFormat"] = item.VideoType,
            ["uploadDate"] = item.CreatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["duration"] = System.Xml.XmlConvert.ToString(TimeSpan.FromSeconds(Math.Round(item.DurationSeconds))),
            ["width"] = item.VideoWidth,
            ["height"] = item.VideoHeight,
        };
        if (item.Image is { } poster)
        {
            entry["thumbnailUrl"] = url(MediaUrls.Fallback(poster, 1280));
        }

        Words(entry, null, item.Credit);
        return entry;
    }

    private static void Words(JsonObject entry, string? caption, string? credit)
    {
        if (caption is not null)
        {
            entry["caption"] = caption;
        }

        if (credit is not null)
        {
            entry["creditText"] = credit;
        }
    }
}
