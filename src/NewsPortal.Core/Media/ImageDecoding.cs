using System.Collections.Concurrent;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.Metadata;

namespace NewsPortal.Core.Media;

/// <summary>
/// How uploads are decoded: only the four formats the form accepts (JPEG, PNG, GIF, WebP; not TIFF, BMP or the
/// others ImageSharp knows), a GIF's first frame only (the only one a cover keeps), PNG text chunks not read, and
/// no single buffer larger than the largest accepted picture needs, so a file that slips past the checks before
/// decoding fails with <see cref="InvalidMemoryOperationException"/> instead of taking the server's memory.
/// </summary>
public static class ImageDecoding
{
    private static readonly ConcurrentDictionary<long, Configuration> ByMaxPixels = new();

    public static Configuration For(long maxPixels) => ByMaxPixels.GetOrAdd(maxPixels, static max =>
    {
        var configuration = new Configuration(
            new JpegConfigurationModule(), new PngConfigurationModule(), new GifConfigurationModule(), new WebpConfigurationModule())
        {
            // 8 bytes a pixel: the widest pixel format a decoder picks (16-bit RGBA PNG).
            MemoryAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions
            {
                AllocationLimitMegabytes = (int)Math.Ceiling(max * 8 / (1024.0 * 1024.0)),
            }),
        };
        configuration.ImageFormatsManager.SetDecoder(GifFormat.Instance, new GifDecoder { DecodingMode = FrameDecodingMode.First });
        configuration.ImageFormatsManager.SetDecoder(PngFormat.Instance, new PngDecoder { IgnoreMetadata = true });
        return configuration;
    });
}
