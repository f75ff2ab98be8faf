using System.Globalization;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using NewsPortal.Core.Feeds;
using NewsPortal.Web.Platform.Media;

namespace NewsPortal.Web.Features.Feeds;

/// <summary>Cover images in feeds (Media RSS &lt;media:content&gt;, in RSS and Atom alike) and in the news sitemap (&lt;image:image&gt;).</summary>
public static class FeedImages
{
    public const string MediaNs = "http://search.yahoo.com/mrss/";
    public const string ImageSitemapNs = "http://www.google.com/schemas/sitemap-image/1.1";

    /// <summary>Declares the media prefix once on the feed rather than on every item.</summary>
    public static void DeclareMediaNamespace(this SyndicationFeed feed) =>
        feed.AttributeExtensions.Add(new XmlQualifiedName("media", "http://www.w3.org/2000/xmlns/"), MediaNs);

    public static SyndicationItem WithCover(this SyndicationItem item, FeedEntry entry, Func<string, string> url)
    {
        var content = new XElement(XName.Get("content", MediaNs), new XAttribute("medium", "image"));
        if (entry.CoverImage is { } image)
        {
            var width = MediaUrls.Widths(image).Max();
            var height = image.Width > 0 ? (int)Math.Round((double)image.Height * width / image.Width) : 0;
            content.Add(
                new XAttribute("url", url(MediaUrls.Of(image, width))),
                new XAttribute("type", image.ContentType),
                new XAttribute("width", width.ToString(CultureInfo.InvariantCulture)),
                new XAttribute("height", height.ToString(CultureInfo.InvariantCulture)));
        }
        else if (entry.CoverAddress is { Length: > 0 } address)
        {
            content.Add(new XAttribute("url", url(address)));
        }
        else
        {
            return item;
        }

        if (entry.CoverCaption is { Length: > 0 } caption)
        {
            content.Add(new XElement(XName.Get("description", MediaNs), new XAttribute("type", "plain"), caption));
        }

        item.ElementExtensions.Add(content);
        return item;
    }

    public static async Task WriteSitemapImageAsync(XmlWriter w, NewsSitemapEntry entry, Func<string, string> url)
    {
        var address = entry.CoverImage is { } image ? MediaUrls.Of(image, MediaUrls.Widths(image).Max()) : entry.CoverAddress;
        if (string.IsNullOrEmpty(address))
        {
            return;
        }

        await w.WriteStartElementAsync("image", "image", ImageSitemapNs);
        await w.WriteElementStringAsync("image", "loc", ImageSitemapNs, url(address));
        await w.WriteEndElementAsync();
    }
}
