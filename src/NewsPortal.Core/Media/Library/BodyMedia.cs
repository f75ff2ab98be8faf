using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Markdig.Extensions.CustomContainers;
using Markdig.Helpers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace NewsPortal.Core.Media.Library;

/// <summary>Writes the HTML of library items in an article body (the web layer knows their addresses).</summary>
public interface IMediaMarkup
{
    /// <summary>A picture or a video as a figure with its caption and credit; <paramref name="eager"/> for one at the top.</summary>
    string Figure(MediaItem item, string? caption, bool eager);

    /// <summary>An ordered set of pictures as a grid that works without script.</summary>
    string Gallery(IReadOnlyList<(MediaItem Item, string? Caption)> pictures);
}

/// <summary>
/// Library items in Markdown: a picture or video on a line of its own, <c>![caption](media:12)</c>, becomes a figure;
/// a gallery is a block of such pictures, one a line, between <c>::: gallery</c> and <c>:::</c>. The text in the
/// brackets is the caption there (empty: the library's caption). A picture from another site is refused: the
/// site's Content-Security-Policy would block it in readers' browsers.
/// </summary>
public sealed partial class BodyMedia(IReadOnlyDictionary<int, MediaItem> items, IMediaMarkup markup)
{
    public const string Scheme = "media:";

    private static string OffSite(string? url) =>
        $"The picture {url} is on another site, and readers' browsers will not show it. Upload it to the media library and insert it as ![caption](media:NUMBER).";

    public List<string> Problems { get; } = [];

    /// <summary>The items the body shows, in order, with how and the caption each use shows.</summary>
    public List<(int ItemId, MediaUse Use, string? Caption)> Uses { get; } = [];

    /// <summary>The item numbers a body names (<c>(media:12)</c>), to load before rendering.</summary>
    public static IReadOnlySet<int> ReferencedIds(string markdown) =>
        Reference().Matches(markdown).Select(m => int.TryParse(m.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id > 0).ToHashSet();

    public void Apply(MarkdownDocument document)
    {
        foreach (var gallery in document.Descendants<CustomContainer>().Where(c => string.Equals(c.Info?.Trim(), "gallery", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            ReplaceGallery(gallery);
        }

        var first = true;
        foreach (var image in document.Descendants<LinkInline>().Where(l => l.IsImage).ToList())
        {
            if (TryItem(image.Url, out var id))
            {
                if (Find(id, image) is not { } item)
                {
                    continue;
                }

                if (image.Parent?.ParentBlock is not ParagraphBlock paragraph || !StandsAlone(paragraph, image))
                {
                    Problems.Add($"Put ![{Text(image)}](media:{id}) on a line of its own, with a blank line before and after it.");
                    continue;
                }

                var caption = Caption(image, item);
                var eager = first && paragraph.Parent == document && document.IndexOf(paragraph) == 0;
                Replace(paragraph, markup.Figure(item, caption, eager));
                Uses.Add((id, MediaUse.Body, caption));
            }
            else if (IsOffSite(image.Url))
            {
                Problems.Add(OffSite(image.Url));
            }

            first = false;
        }
    }

    private void ReplaceGallery(CustomContainer gallery)
    {
        var pictures = new List<(MediaItem Item, string? Caption)>();
        foreach (var block in gallery.Descendants<LeafBlock>())
        {
            foreach (var inline in block.Inline?.Descendants<Inline>() ?? [])
            {
                if (inline is LinkInline { IsImage: true } image && TryItem(image.Url, out var id))
                {
                    if (Find(id, image) is not { } item)
                    {
                        continue;
                    }

                    if (item.Kind != MediaKind.Image)
                    {
                        Problems.Add($"A gallery holds pictures only; media:{id} is a video. Put it on a line of its own outside the gallery.");
                        continue;
                    }

                    pictures.Add((item, Caption(image, item)));
                }
                else if (inline is LiteralInline literal && literal.Parent is not LinkInline && !literal.Content.IsEmptyOrWhitespace())
                {
                    Problems.Add("A gallery holds library pictures only, one a line: ![caption](media:NUMBER). Move other text out of it.");
                    return;
                }
            }
        }

        if (pictures.Count == 0)
        {
            Problems.Add("A gallery needs at least one library picture, one a line: ![caption](media:NUMBER).");
            return;
        }

        Replace(gallery, markup.Gallery(pictures));
        Uses.AddRange(pictures.Select(p => (p.Item.Id, MediaUse.Gallery, p.Caption)));
    }

    private MediaItem? Find(int id, LinkInline image)
    {
        if (items.TryGetValue(id, out var item))
        {
            return item;
        }

        Problems.Add($"There is no item {id} in the media library (![{Text(image)}](media:{id})). Check the number on the library page.");
        return null;
    }

    private static bool TryItem(string? url, out int id)
    {
        id = 0;
        return url is not null && url.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            && int.TryParse(url.AsSpan(Scheme.Length), NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;
    }

    /// <summary>An absolute address (any scheme) or a scheme-relative one ("//host/...") points away from the site.</summary>
    private static bool IsOffSite(string? url)
    {
        var trimmed = (url ?? "").Trim();
        return trimmed.StartsWith("//", StringComparison.Ordinal) || trimmed.StartsWith(@"\\", StringComparison.Ordinal)
            || (Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https");
    }

    private static bool StandsAlone(ParagraphBlock paragraph, LinkInline image) =>
        paragraph.Inline is { } inlines && inlines.All(i => i == image || i is LineBreakInline || (i is LiteralInline l && l.Content.IsEmptyOrWhitespace()));

    private static string? Caption(LinkInline image, MediaItem item) => Text(image) is { Length: > 0 } text ? text : item.Caption;

    private static string Text(LinkInline image)
    {
        var text = new StringBuilder();
        foreach (var literal in image.Descendants<LiteralInline>())
        {
            text.Append(literal.Content.ToString());
        }

        return string.Join(' ', text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static void Replace(Block block, string html)
    {
        var parent = block.Parent!;
        var index = parent.IndexOf(block);
        var replacement = new HtmlBlock(null) { Type = HtmlBlockType.NonInterruptingBlock };
        replacement.Lines = new StringLineGroup(1);
        replacement.Lines.Add(new StringSlice(html));
        parent.RemoveAt(index);
        parent.Insert(index, replacement);
    }

    [GeneratedRegex(@"\(\s*<?media:(\d{1,9})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Reference();
}
