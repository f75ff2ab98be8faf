using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.IntegrationTests.Newsroom;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace NewsPortal.IntegrationTests.Hostile;

/// <summary>
/// Small files that decode to enormous amounts of memory, crafted here byte by byte: a GIF with a 7000 × 7000
/// canvas and eight 1 × 1 frames (under 200 bytes, every frame decoded at canvas size), an animated WebP of the
/// same shape, and PNGs whose compressed text or colour profile inflates to 100 MB. Each is refused from its
/// headers and chunk table, with a message beside the upload field, and leaves nothing behind.
/// </summary>
public sealed class HostileImageBombs(HostilePortal portal) : IClassFixture<HostilePortal>
{
    /// <summary>A GIF89a of <paramref name="frames"/> 1 × 1 frames on a <paramref name="width"/> × <paramref name="height"/> canvas.</summary>
    public static byte[] FrameBombGif(int width, int height, int frames)
    {
        using var gif = new MemoryStream();
        gif.Write("GIF89a"u8);
        Span<byte> screen = stackalloc byte[7];
        BinaryPrimitives.WriteUInt16LittleEndian(screen, (ushort)width);
        BinaryPrimitives.WriteUInt16LittleEndian(screen[2..], (ushort)height);
        screen[4] = 0x80; // a global colour table of two colours
        gif.Write(screen);
        gif.Write([0, 0, 0, 255, 255, 255]);
        for (var i = 0; i < frames; i++)
        {
            gif.Write([0x21, 0xF9, 4, 0, 10, 0, 0, 0]); // graphic control: 0.1 s per frame
            gif.Write([0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0]); // a 1 × 1 frame at the top left, no local colour table
            gif.Write([2, 2, 0x44, 0x01, 0]); // LZW (code size 2): clear, colour 0, end
        }

        gif.WriteByte(0x3B);
        return gif.ToArray();
    }

    /// <summary>An animated WebP header: a VP8X canvas and <paramref name="frames"/> ANMF chunks (frame data is never reached).</summary>
    public static byte[] FrameBombWebp(int width, int height, int frames)
    {
        using var chunks = new MemoryStream();
        var vp8x = new byte[10];
        vp8x[0] = 0x02; // animation
        WriteUInt24(vp8x.AsSpan(4), width - 1);
        WriteUInt24(vp8x.AsSpan(7), height - 1);
        RiffChunk(chunks, "VP8X", vp8x);
        RiffChunk(chunks, "ANIM", new byte[6]);
        for (var i = 0; i < frames; i++)
        {
            RiffChunk(chunks, "ANMF", new byte[16]);
        }

        using var webp = new MemoryStream();
        webp.Write("RIFF"u8);
        var size = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)(4 + chunks.Length));
        webp.Write(size);
        webp.Write("WEBP"u8);
        chunks.WriteTo(webp);
        return webp.ToArray();

        static void WriteUInt24(Span<byte> at, int value) => (at[0], at[1], at[2]) = ((byte)value, (byte)(value >> 8), (byte)(value >> 16));

        static void RiffChunk(Stream s, string type, byte[] data)
        {
            s.Write(Encoding.ASCII.GetBytes(type));
            var length = new byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)data.Length);
            s.Write(length);
            s.Write(data);
        }
    }

    /// <summary>A real 800 × 450 PNG with a <paramref name="chunk"/> chunk whose compressed part inflates to <paramref name="inflatedBytes"/>, right after IHDR.</summary>
    public static byte[] MetadataBombPng(string chunk, int inflatedBytes)
    {
        using var image = new Image<Rgb24>(800, 450, new Rgb24(40, 90, 160));
        using var png = new MemoryStream();
        image.SaveAsPng(png);
        var plain = png.ToArray();

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (var written = 0; written < inflatedBytes; written += zeros.Length)
            {
                zlib.Write(zeros, 0, Math.Min(zeros.Length, inflatedBytes - written));
            }
        }

        var head = chunk switch
        {
            "zTXt" => "Comment\0\0"u8.ToArray(), // keyword, NUL, compression method 0
            "iTXt" => "Comment\0\x01\0en\0\0"u8.ToArray(), // keyword, NUL, compressed, method 0, language, NUL, translated keyword, NUL
            "iCCP" => "Profile\0\0"u8.ToArray(),
            _ => throw new ArgumentOutOfRangeException(nameof(chunk)),
        };
        var data = head.Concat(compressed.ToArray()).ToArray();
        var afterHeader = 8 + 25; // signature, then IHDR (4 length + 4 type + 13 data + 4 CRC)
        using var bomb = new MemoryStream();
        bomb.Write(plain, 0, afterHeader);
        var length = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)data.Length);
        bomb.Write(length);
        var typed = Encoding.ASCII.GetBytes(chunk).Concat(data).ToArray();
        bomb.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, PngCrc.Of(typed));
        bomb.Write(crc);
        bomb.Write(plain, afterHeader, plain.Length - afterHeader);
        return bomb.ToArray();
    }


    public static TheoryData<string> Bombs() => ["gif frames", "webp frames", "png zTXt", "png iTXt", "png iCCP"];

    private static (byte[] Bytes, string FileName, string ContentType, string Refusal) Bomb(string name) => name switch
    {
        "gif frames" => (FrameBombGif(7000, 7000, 8), "bomb.gif", "image/gif", "an animation of 8 frames of 7000 × 7000 pixels, more than we accept"),
        "webp frames" => (FrameBombWebp(7000, 7000, 8), "bomb.webp", "image/webp", "an animation of 8 frames of 7000 × 7000 pixels, more than we accept"),
        "png zTXt" => (MetadataBombPng("zTXt", 100 * 1024 * 1024), "text.png", "image/png", "expands to more than 4 MB"),
        "png iTXt" => (MetadataBombPng("iTXt", 100 * 1024 * 1024), "text.png", "image/png", "expands to more than 4 MB"),
        "png iCCP" => (MetadataBombPng("iCCP", 100 * 1024 * 1024), "profile.png", "image/png", "expands to more than 4 MB"),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Bombs))]
    public async Task A_small_file_that_would_decode_to_gigabytes_is_refused_before_decoding_and_leaves_nothing(string name)
    {
        var (bytes, fileName, contentType, refusal) = Bomb(name);
        Assert.InRange(bytes.Length, 1, HostilePortal.MaxUploadBytes);
        var editor = await portal.StaffAsync(StaffRoles.Editor);
        var media = Directory.Exists(portal.MediaFolder) ? Directory.GetFiles(portal.MediaFolder).Length : 0;
        var counts = await portal.WithDbAsync(async db => (await db.Articles.CountAsync(), await db.MediaImages.CountAsync()));
        var (_, form) = await Html.GetAsync(editor, ArticleForms.NewArticle);

        var response = await ArticleForms.SubmitWithFileAsync(editor, form, "#article-form", new Dictionary<string, string>
        {
            ["Input.Headline"] = $"Bomb: {name}",
            ["Input.SectionId"] = (await ArticleForms.SectionIdAsync(portal)).ToString(CultureInfo.InvariantCulture),
            ["Input.Body"] = "A story with a picture.",
            ["Command"] = "publish",
        }, "Cover", bytes, fileName, contentType);

        var page = await Answers.AssertRefusedAsync(response, HttpStatusCode.BadRequest);
        var beside = page.QuerySelector("[name=Cover]")!.ParentElement!.QuerySelector(".field-error")?.TextContent ?? "";
        Assert.Contains(refusal, beside);
        Assert.Equal(counts, await portal.WithDbAsync(async db => (await db.Articles.CountAsync(), await db.MediaImages.CountAsync())));
        Assert.Equal(media, Directory.Exists(portal.MediaFolder) ? Directory.GetFiles(portal.MediaFolder).Length : 0);
    }

    [Fact]
    public async Task A_short_animation_on_an_ordinary_canvas_is_still_accepted_as_its_first_frame()
    {
        using var animation = new Image<Rgb24>(800, 450, new Rgb24(200, 30, 30));
        animation.Frames.AddFrame(new Image<Rgb24>(800, 450, new Rgb24(30, 200, 30)).Frames.RootFrame);
        using var gif = new MemoryStream();
        await animation.SaveAsGifAsync(gif);
        var editor = await portal.StaffAsync(StaffRoles.Editor);
        var (_, form) = await Html.GetAsync(editor, ArticleForms.NewArticle);

        var response = await ArticleForms.SubmitWithFileAsync(editor, form, "#article-form", new Dictionary<string, string>
        {
            ["Input.Headline"] = "A two-frame animation",
            ["Input.SectionId"] = (await ArticleForms.SectionIdAsync(portal)).ToString(CultureInfo.InvariantCulture),
            ["Input.Body"] = "A story with a moving picture.",
            ["Command"] = "publish",
        }, "Cover", gif.ToArray(), "moving.gif", "image/gif");

        var id = ArticleForms.IdFromRedirect(response);
        var image = await portal.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.CoverImage!).SingleAsync());
        Assert.Equal("320,640", image.Widths);
    }
}
