using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsPortal.Core.Articles;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.Processing;

namespace NewsPortal.Core.Media;

/// <summary>An uploaded file as the form received it. The name and declared type are never trusted.</summary>
public sealed record UploadedFile(string FileName, long Length, Func<Stream> OpenReadStream);

/// <summary>A stored image (files written, database row not yet saved), or why the upload was refused.</summary>
public sealed record MediaResult(MediaImage? Image, string? Error);

/// <summary>What an upload is for: how the refusal names it and how narrow it may be.</summary>
public sealed record ImagePurpose(string Name, int MinWidth)
{
    /// <summary>Listings and the article page use the 640-pixel file, so a cover must be at least that wide.</summary>
    public static readonly ImagePurpose Cover = new("a cover image", MediaStore.MinWidth);

    /// <summary>The masthead shows the logo about 48 pixels high; narrower than this it is unreadable.</summary>
    public static readonly ImagePurpose Logo = new("a logo", 100);
}

/// <summary>
/// Checks uploads by their content, resizes them to the responsive widths the pages use, strips their
/// metadata (camera, location) and writes each width twice, as "{StorageName}-{width}.jpg" and as the smaller
/// "{StorageName}-{width}.webp" that browsers which read WebP take instead.
/// </summary>
public sealed class MediaStore(IOptions<MediaOptions> options, TimeProvider clock, ILogger<MediaStore> log)
{
    /// <summary>Widths written for every image, never larger than the original.</summary>
    public static readonly IReadOnlyList<int> Widths = [320, 640, 1280];

    /// <summary>Listings and the article page use the 640-pixel file, so a cover must be at least that wide.</summary>
    public const int MinWidth = 640;

    private MediaOptions Options => options.Value;

    public string Folder => Path.GetFullPath(Options.Folder);

    public string PathOf(MediaImage image, int width) =>
        Path.Combine(Folder, $"{image.StorageName}-{width.ToString(CultureInfo.InvariantCulture)}.{image.Extension}");

    public Task<MediaResult> StoreAsync(UploadedFile file, CancellationToken ct = default) => StoreAsync(file, ImagePurpose.Cover, ct);

    /// <summary>Stores a picture for the library (or a video's poster) at least <paramref name="minWidth"/> pixels wide.</summary>
    public Task<MediaResult> StoreAsync(UploadedFile file, int minWidth, CancellationToken ct) =>
        StoreAsync(file, new ImagePurpose("a picture for the library", minWidth), ct);

    public async Task<MediaResult> StoreAsync(UploadedFile file, ImagePurpose purpose, CancellationToken ct = default)
    {
        var max = Options.MaxUploadBytes;
        if (file.Length <= 0)
        {
            return Refuse("The chosen file is empty.");
        }

        if (file.Length > max)
        {
            return Refuse($"The image is {Megabytes(file.Length)} MB; the largest accepted is {Megabytes(max)} MB. Make it smaller and try again.");
        }

        using var buffer = new MemoryStream();
        await using (var input = file.OpenReadStream())
        {
            if (!await CopyAtMostAsync(input, buffer, max, ct))
            {
                return Refuse($"The image is larger than {Megabytes(max)} MB, the largest accepted. Make it smaller and try again.");
            }
        }

        const string NotAnImage = "That file is not an image we can read. Upload a photo or picture in JPEG, PNG, GIF or WebP format.";
        try
        {
            var decoding = ImageDecoding.For(Options.MaxPixels);
            buffer.Position = 0;
            if (Image.DetectFormat(decoding, buffer) is null)
            {
                return Refuse(NotAnImage);
            }

            // Frames and compressed metadata, from the headers and chunk table, before any decoder reads them.
            if (ImageBombs.Check(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), Options.MaxPixels) is { } bomb)
            {
                log.LogWarning("Refused an upload that would take too much memory to decode");
                return Refuse(bomb);
            }

            buffer.Position = 0;
            var info = await Image.IdentifyAsync(decoding, buffer, ct);
            if (info is null)
            {
                return Refuse(NotAnImage);
            }

            if ((long)info.Width * info.Height > Options.MaxPixels)
            {
                return Refuse($"The image is {info.Width} × {info.Height} pixels, more than we accept. Make it smaller and try again.");
            }

            buffer.Position = 0;
            using var image = await Image.LoadAsync(decoding, buffer, ct);
            image.Mutate(x => x.AutoOrient());
            if (image.Width < purpose.MinWidth)
            {
                return Refuse($"The image is {image.Width} pixels wide; {purpose.Name} needs to be at least {purpose.MinWidth} pixels wide.");
            }

            while (image.Frames.Count > 1)
            {
                image.Frames.RemoveFrame(image.Frames.Count - 1);
            }

            image.Metadata.ExifProfile = null;
            image.Metadata.IptcProfile = null;
            image.Metadata.XmpProfile = null;
            image.Metadata.IccProfile = null;

            return new MediaResult(await WriteSizesAsync(image, file, ct), null);
        }
        catch (InvalidMemoryOperationException)
        {
            log.LogWarning("Refused an upload whose decoding passed the memory limit");
            return Refuse("The image needs more memory to open than we allow. Make it smaller and try again.");
        }
        catch (Exception ex) when (ex is ImageFormatException or NotSupportedException or InvalidDataException)
        {
            log.LogInformation("Refused an upload that could not be decoded: {Reason}", ex.Message);
            return Refuse(NotAnImage);
        }
    }

    /// <summary>Removes the files of an image whose database row was never saved (or is being deleted).</summary>
    public void Delete(MediaImage image)
    {
        foreach (var width in ParseWidths(image.Widths))
        {
            try
            {
                File.Delete(PathOf(image, width));
                File.Delete(Path.ChangeExtension(PathOf(image, width), "webp"));
            }
            catch (IOException ex)
            {
                log.LogWarning(ex, "Could not delete media file {StorageName}-{Width}", image.StorageName, width);
            }
        }
    }

    public static IReadOnlyList<int> ParseWidths(string widths) =>
        widths.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(w => int.Parse(w, CultureInfo.InvariantCulture))
            .ToList();

    private async Task<MediaImage> WriteSizesAsync(Image image, UploadedFile file, CancellationToken ct)
    {
        Directory.CreateDirectory(Folder);
        var stored = new MediaImage
        {
            StorageName = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            Extension = "jpg",
            ContentType = "image/jpeg",
            OriginalFileName = SafeName(file.FileName),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };

        var encoder = new JpegEncoder { Quality = Options.JpegQuality };
        var webp = new WebpEncoder { Quality = Options.JpegQuality, FileFormat = WebpFileFormatType.Lossy };
        var written = new List<int>();
        long bytes = 0;
        var widths = Widths.Where(w => w <= image.Width).ToList();
        if (widths.Count == 0)
        {
            // Narrower than the smallest width (a poster of a small video): kept at its own width.
            widths.Add(image.Width);
        }

        try
        {
            foreach (var width in widths)
            {
                using var resized = image.Clone(x => x.Resize(width, 0).BackgroundColor(Color.White));
                var path = PathOf(stored, width);
                await WriteAsync(path, (temporary, token) => resized.SaveAsJpegAsync(temporary, encoder, token), ct);
                written.Add(width);
                await WriteAsync(Path.ChangeExtension(path, "webp"), (temporary, token) => resized.SaveAsWebpAsync(temporary, webp, token), ct);
                bytes += new FileInfo(path).Length;
                stored.Width = resized.Width;
                stored.Height = resized.Height;
            }
        }
        catch
        {
            stored.Widths = string.Join(',', written);
            Delete(stored);
            throw;
        }

        stored.Widths = string.Join(',', written);
        stored.Bytes = bytes;
        stored.HasWebp = true;
        log.LogInformation("Stored image {StorageName} in widths {Widths}", stored.StorageName, stored.Widths);
        return stored;
    }

    /// <summary>Writes a file under a temporary name and moves it into place, so a half-written file is never served.</summary>
    private static async Task WriteAsync(string path, Func<string, CancellationToken, Task> save, CancellationToken ct)
    {
        var temporary = path + ".tmp";
        try
        {
            await save(temporary, ct);
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    internal static async Task<bool> CopyAtMostAsync(Stream input, Stream output, long max, CancellationToken ct)
    {
        var chunk = new byte[81920];
        long total = 0;
        int read;
        while ((read = await input.ReadAsync(chunk, ct)) > 0)
        {
            total += read;
            if (total > max)
            {
                return false;
            }

            await output.WriteAsync(chunk.AsMemory(0, read), ct);
        }

        return true;
    }

    internal static string SafeName(string? name)
    {
        // Only the last part of a path, whichever separator the sender's system uses ("C:\Users\x\photo.jpg").
        var file = (name ?? "").Split('/', '\\')[^1];
        var clean = new string(file.Where(c => !char.IsControl(c)).ToArray());
        return clean.Length > 200 ? clean[..200] : clean;
    }

    internal static string Megabytes(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.#", CultureInfo.InvariantCulture);

    private static MediaResult Refuse(string error) => new(null, error);
}
