using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Media.Library;

namespace NewsPortal.Web.Platform.Media;

/// <summary>
/// The HTML of library pictures and videos in article bodies: &lt;picture&gt; with WebP beside JPEG for every width,
/// srcset and sizes, width and height (no layout shift), lazy loading below the top; &lt;video controls preload="none"&gt;
/// with its poster and captions; galleries as a grid of links to the large picture, which works without script and
/// which /js/gallery.js turns into a keyboard viewer.
/// </summary>
public sealed class MediaMarkup : IMediaMarkup
{
    public const string BodySizes = "(max-width: 800px) 100vw, 800px";
    public const string GallerySizes = "(max-width: 600px) 50vw, 260px";

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    public string Figure(MediaItem item, string? caption, bool eager)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<figure class=\"media-figure{(item.Kind == MediaKind.Video ? " media-video" : "")}\" data-media=\"{item.Id}\">");
        if (item.Kind == MediaKind.Video)
        {
            Video(html, item);
        }
        else if (item.Image is { } image)
        {
            Picture(html, image, item.AltText, BodySizes, eager);
        }

        Caption(html, caption, item.Credit);
        return html.Append("</figure>").ToString();
    }

    public string Gallery(IReadOnlyList<(MediaItem Item, string? Caption)> pictures)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<section class=\"gallery\" data-gallery aria-label=\"Photo gallery, {pictures.Count} pictures\"><ul class=\"gallery-grid\">");
        foreach (var (item, caption) in pictures)
        {
            if (item.Image is not { } image)
            {
                continue;
            }

            var large = MediaUrls.Of(image, MediaUrls.Widths(image).Max());
            html.Append(CultureInfo.InvariantCulture, $"<li><figure data-media=\"{item.Id}\"><a class=\"gallery-link\" href=\"{Encoder.Encode(large)}\">");
            Picture(html, image, item.AltText, GallerySizes, eager: false);
            html.Append("</a>");
            Caption(html, caption, item.Credit);
            html.Append("</figure></li>");
        }

        return html.Append("</ul></section>").ToString();
    }

    private static void Picture(StringBuilder html, MediaImage image, string alt, string sizes, bool eager)
    {
        html.Append("<picture>");
        if (MediaUrls.WebpSourceSet(image) is { } webp)
        {
            html.Append(CultureInfo.InvariantCulture, $"<source type=\"image/webp\" srcset=\"{Encoder.Encode(webp)}\" sizes=\"{sizes}\">");
        }

        html.Append(CultureInfo.InvariantCulture,
            $"<img src=\"{Encoder.Encode(MediaUrls.Fallback(image))}\" srcset=\"{Encoder.Encode(MediaUrls.SourceSet(image))}\" sizes=\"{sizes}\" alt=\"{Encoder.Encode(alt)}\" width=\"{image.Width}\" height=\"{image.Height}\"");
        html.Append(eager ? " decoding=\"async\">" : " loading=\"lazy\" decoding=\"async\">");
        html.Append("</picture>");
    }

    private static void Video(StringBuilder html, MediaItem item)
    {
        var source = MediaUrls.File(item.VideoFile ?? "");
        html.Append("<video controls preload=\"none\"");
        if (item.Image is { } poster)
        {
            html.Append(CultureInfo.InvariantCulture, $" poster=\"{Encoder.Encode(MediaUrls.Fallback(poster, 1280))}\"");
        }

        html.Append(CultureInfo.InvariantCulture, $" width=\"{item.VideoWidth}\" height=\"{item.VideoHeight}\" aria-label=\"{Encoder.Encode(item.AltText)}\">");
        html.Append(CultureInfo.InvariantCulture, $"<source src=\"{Encoder.Encode(source)}\" type=\"{Encoder.Encode(item.VideoType ?? "video/mp4")}\">");
        if (item.CaptionsFile is { } captions)
        {
            var language = item.CaptionsLanguage ?? "en";
            html.Append(CultureInfo.InvariantCulture,
                $"<track kind=\"captions\" src=\"{Encoder.Encode(MediaUrls.File(captions))}\" srclang=\"{Encoder.Encode(language)}\" label=\"Captions ({Encoder.Encode(language)})\" default>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<a href=\"{Encoder.Encode(source)}\">Download the video</a></video>");
    }

    private static void Caption(StringBuilder html, string? caption, string? credit)
    {
        if (caption is null && credit is null)
        {
            return;
        }

        html.Append("<figcaption>");
        if (caption is not null)
        {
            html.Append(Encoder.Encode(caption));
        }

        if (credit is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"{(caption is null ? "" : " ")}<span class=\"credit\">Credit: {Encoder.Encode(credit)}</span>");
        }

        html.Append("</figcaption>");
    }
}
