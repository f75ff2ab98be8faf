using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace NewsPortal.Core.Media;

/// <summary>
/// Reads an upload's structure (headers and chunk tables, never its pixels) and refuses, before any decoder runs,
/// a file that would take far more memory to decode than its size suggests:
/// <list type="bullet">
/// <item>GIF and animated WebP: every frame is decoded at the full canvas size, so the frame count times the canvas
/// must stay within the pixel limit (a 200-byte GIF with eight 1×1 frames on a 7000×7000 canvas is 392 million pixels).</item>
/// <item>PNG: compressed text (zTXt, compressed iTXt) and colour profiles (iCCP) are inflated into memory by the
/// decoder; together they may inflate to at most <see cref="MaxInflatedMetadataBytes"/> (a 200 KB zTXt chunk can hold 200 MB).
/// The check inflates them into a counter, stopping as soon as the limit is passed.</item>
/// </list>
/// A file whose structure cannot be read is left to the decoder, which refuses it as unreadable.
/// </summary>
public static class ImageBombs
{
    /// <summary>The most all of a PNG's compressed metadata may inflate to (ICC profiles are rarely over 1 MB).</summary>
    public const int MaxInflatedMetadataBytes = 4 * 1024 * 1024;

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Null when the file may be decoded; otherwise the refusal shown beside the upload field.</summary>
    public static string? Check(ReadOnlySpan<byte> file, long maxPixels) =>
        file.StartsWith(PngSignature) ? CheckPng(file)
        : file.StartsWith("GIF87a"u8) || file.StartsWith("GIF89a"u8) ? CheckGif(file, maxPixels)
        : file.Length >= 12 && file.StartsWith("RIFF"u8) && file[8..].StartsWith("WEBP"u8) ? CheckWebp(file, maxPixels)
        : null;

    private static string? Frames(long frames, long width, long height, long maxPixels) =>
        frames > 1 && frames * width * height > maxPixels
            ? string.Create(CultureInfo.InvariantCulture,
                $"The image is an animation of {frames:N0} frames of {width} × {height} pixels, more than we accept. Upload a still picture, or an animation with fewer or smaller frames.")
            : null;

    private static string? CheckGif(ReadOnlySpan<byte> file, long maxPixels)
    {
        if (file.Length < 13)
        {
            return null;
        }

        long width = BinaryPrimitives.ReadUInt16LittleEndian(file[6..]);
        long height = BinaryPrimitives.ReadUInt16LittleEndian(file[8..]);
        var at = 13 + ColorTableLength(file[10]);
        long frames = 0;
        while (at < file.Length)
        {
            switch (file[at])
            {
                case 0x2C: // image descriptor, optional local colour table, LZW code size, data sub-blocks
                    if (at + 10 > file.Length)
                    {
                        return Frames(frames, width, height, maxPixels);
                    }

                    frames++;
                    at = SkipSubBlocks(file, at + 10 + ColorTableLength(file[at + 9]) + 1);
                    break;
                case 0x21: // extension: label, then data sub-blocks
                    at = SkipSubBlocks(file, at + 2);
                    break;
                default: // the trailer (0x3B), or something that is not GIF: stop reading
                    return Frames(frames, width, height, maxPixels);
            }
        }

        return Frames(frames, width, height, maxPixels);

        static int ColorTableLength(byte packed) => (packed & 0x80) != 0 ? 3 * (1 << ((packed & 0x07) + 1)) : 0;
    }

    private static int SkipSubBlocks(ReadOnlySpan<byte> file, int at)
    {
        while (at < file.Length && file[at] != 0)
        {
            at += file[at] + 1;
        }

        return at + 1;
    }

    private static string? CheckWebp(ReadOnlySpan<byte> file, long maxPixels)
    {
        long width = 0, height = 0, frames = 0;
        var at = 12;
        while (at + 8 <= file.Length)
        {
            var type = file.Slice(at, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(file[(at + 4)..]);
            if (type.SequenceEqual("VP8X"u8) && at + 18 <= file.Length)
            {
                width = 1 + (file[at + 12] | (file[at + 13] << 8) | (file[at + 14] << 16));
                height = 1 + (file[at + 15] | (file[at + 16] << 8) | (file[at + 17] << 16));
            }
            else if (type.SequenceEqual("ANMF"u8))
            {
                frames++;
            }

            var next = at + 8L + size + (size & 1);
            if (next > file.Length)
            {
                break;
            }

            at = (int)next;
        }

        return Frames(frames, width, height, maxPixels);
    }

    private static string? CheckPng(ReadOnlySpan<byte> file)
    {
        long budget = MaxInflatedMetadataBytes;
        var at = 8;
        while (at + 12 <= file.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(file[at..]);
            if (length > int.MaxValue || at + 12L + length > file.Length)
            {
                return null;
            }

            var type = Encoding.ASCII.GetString(file.Slice(at + 4, 4));
            var data = file.Slice(at + 8, (int)length);
            var compressed = type switch
            {
                "zTXt" or "iCCP" => AfterName(data, 1),
                "iTXt" => CompressedInternationalText(data),
                _ => -1,
            };
            if (compressed >= 0)
            {
                budget -= InflatedLength(data[compressed..], budget + 1);
                if (budget < 0)
                {
                    return $"The image carries text or a colour profile that expands to more than {MaxInflatedMetadataBytes / 1024 / 1024} MB, more than we accept. Save it again without metadata (most editors offer \"export\" or \"save for web\") and try again.";
                }
            }

            if (type == "IEND")
            {
                break;
            }

            at += 12 + (int)length;
        }

        return null;
    }

    /// <summary>Where the compressed data starts in a chunk that opens with a NUL-terminated name and <paramref name="skip"/> more bytes; -1 when it does not.</summary>
    private static int AfterName(ReadOnlySpan<byte> data, int skip)
    {
        var nul = data.IndexOf((byte)0);
        return nul < 0 || nul + 1 + skip > data.Length ? -1 : nul + 1 + skip;
    }

    /// <summary>iTXt: keyword, NUL, compression flag, method, language tag, NUL, translated keyword, NUL, text (compressed when the flag is 1).</summary>
    private static int CompressedInternationalText(ReadOnlySpan<byte> data)
    {
        var flag = AfterName(data, 0);
        if (flag < 0 || flag + 2 > data.Length || data[flag] != 1)
        {
            return -1;
        }

        var rest = flag + 2;
        for (var field = 0; field < 2; field++)
        {
            var nul = data[rest..].IndexOf((byte)0);
            if (nul < 0)
            {
                return -1;
            }

            rest += nul + 1;
        }

        return rest;
    }

    /// <summary>How many bytes <paramref name="compressed"/> (zlib) inflates to, counting no further than <paramref name="stopAfter"/>.</summary>
    private static long InflatedLength(ReadOnlySpan<byte> compressed, long stopAfter)
    {
        using var input = new MemoryStream(compressed.ToArray(), writable: false);
        using var inflater = new ZLibStream(input, CompressionMode.Decompress);
        var buffer = new byte[64 * 1024];
        long total = 0;
        try
        {
            int read;
            while (total < stopAfter && (read = inflater.Read(buffer)) > 0)
            {
                total += read;
            }
        }
        catch (InvalidDataException)
        {
            // Corrupt compressed data: what inflated so far counts; the decoder deals with the rest.
        }

        return total;
    }
}
