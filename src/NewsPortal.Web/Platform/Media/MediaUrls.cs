using NewsPortal.Core.Articles;

namespace NewsPortal.Web.Platform.Media;

/// <summary>The web addresses of images in the media store, served from <see cref="RequestPath"/> (see <see cref="MediaSetup"/>).</summary>
public static class MediaUrls
{
    public const string RequestPath = "/media";

    /// <summary>The width a card or a page shows when it gives one size only.</summary>
    public const int DefaultWidth = 640;

    public static string Of(string storageName, string extension, int width) => $"{RequestPath}/{storageName}-{width}.{extension}";

    public static string Of(MediaImage image, int width) => Of(image.StorageName, image.Extension, width);

    /// <summary>A cover: the stored image at <paramref name="width"/>, else the address it was given as, else null.</summary>
    public static string? Cover(MediaFile? file, string? address, int width = DefaultWidth) =>
        file is not null ? Of(file.StorageName, file.Extension, width) : address;

    /// <summary>A cover on a page that may hold the stored image itself.</summary>
    public static string? Cover(MediaImage? image, string? address, int width = DefaultWidth) =>
        image is not null ? Of(image, width) : address;

    /// <summary>The widest stored size, for sharing previews and structured data.</summary>
    public static string? Largest(MediaImage? image, string? address) =>
        image is not null ? Of(image, Widths(image).DefaultIfEmpty(DefaultWidth).Max()) : address;

    /// <summary>The srcset of every stored width of an image.</summary>
    public static string SourceSet(MediaImage image) => string.Join(", ", Widths(image).Select(w => $"{Of(image, w)} {w}w"));

    /// <summary>The srcset of the WebP files beside the JPEG ones (images stored before WebP was written have none).</summary>
    public static string? WebpSourceSet(MediaImage image) =>
        image.HasWebp ? string.Join(", ", Widths(image).Select(w => $"{Of(image.StorageName, "webp", w)} {w}w")) : null;

    /// <summary>The stored width nearest <paramref name="width"/> from below (else the narrowest), for a plain src.</summary>
    public static string Fallback(MediaImage image, int width = DefaultWidth) =>
        Of(image, Widths(image).Where(w => w <= width).DefaultIfEmpty(Widths(image).DefaultIfEmpty(width).Min()).Max());

    /// <summary>The srcset of every stored width of a listed cover, in <paramref name="extension"/> (jpg or webp).</summary>
    public static string SourceSet(MediaFile file, string extension) =>
        string.Join(", ", Widths(file.Widths).Select(w => $"{Of(file.StorageName, extension, w)} {w}w"));

    /// <summary>The sizes a listing card's cover is shown at: a small column in a list, a column of a grid.</summary>
    public static class CardSizes
    {
        /// <summary>The view-data key a page sets to <see cref="Grid"/> around cards laid out in a grid.</summary>
        public const string Key = "CardSizes";
        public const string List = "(max-width: 48rem) 6rem, 9rem";
        public const string Grid = "(max-width: 48rem) 100vw, 20rem";
    }

    /// <summary>A file of the media folder by its stored name (videos and captions).</summary>
    public static string File(string name) => $"{RequestPath}/{name}";

    internal static IEnumerable<int> Widths(MediaImage image) => Widths(image.Widths);

    private static IEnumerable<int> Widths(string widths) =>
        widths.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => int.TryParse(w, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0)
            .Where(n => n > 0);
}
