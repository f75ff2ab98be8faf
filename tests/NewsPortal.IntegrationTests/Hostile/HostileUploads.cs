using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.IntegrationTests.Newsroom;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace NewsPortal.IntegrationTests.Hostile;

/// <summary>
/// Cover image uploads under hostile files: not images, empty, too large, polyglots, decompression bombs,
/// absurd shapes and traversal in the file name. A refused file leaves no row and no file behind; an accepted
/// one is stored only as freshly encoded JPEG files under a random name in the media folder.
/// </summary>
public sealed class HostileUploads(HostilePortal portal) : IClassFixture<HostilePortal>
{
    private static byte[] Picture(int width, int height, Func<Image<Rgb24>, Stream, Task>? save = null)
    {
        using var image = new Image<Rgb24>(width, height, new Rgb24(40, 90, 160));
        using var stream = new MemoryStream();
        (save ?? ((i, s) => i.SaveAsJpegAsync(s)))(image, stream).GetAwaiter().GetResult();
        return stream.ToArray();
    }

    /// <summary>A PNG whose header claims <paramref name="width"/> × <paramref name="height"/> pixels, with no real pixel data.</summary>
    private static byte[] ClaimedPng(int width, int height)
    {
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // RGB
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
        Chunk(png, "IEND", []);
        return png.ToArray();

        static void Chunk(Stream s, string type, byte[] data)
        {
            var length = new byte[4];
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
            s.Write(length);
            var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
            s.Write(typed);
            var crc = new byte[4];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(crc, PngCrc.Of(typed));
            s.Write(crc);
        }
    }


    private static readonly byte[] Script = Encoding.UTF8.GetBytes("<script>alert('polyglot')</script><?php system($_GET['c']); ?>");

    /// <summary>Each hostile upload: the bytes, the file name and type the browser claims, and the refusal (a fragment) or null when it is a usable picture.</summary>
    private static readonly Dictionary<string, (Func<byte[]> Bytes, string FileName, string ContentType, string? Refusal)> Files = new()
    {
        ["a text file named like a picture"] = (() => Encoding.UTF8.GetBytes("just some text"), "photo.jpg", "image/jpeg", "not an image we can read"),
        ["an HTML page claiming to be a JPEG"] = (() => Encoding.UTF8.GetBytes("<html><body><script>alert(1)</script></body></html>"), "page.jpg", "image/jpeg", "not an image we can read"),
        ["an SVG with script"] = (() => Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><script>alert(2)</script></svg>"), "vector.svg", "image/svg+xml", "not an image we can read"),
        ["an empty file"] = (() => [], "empty.jpg", "image/jpeg", "The chosen file is empty"),
        ["a file over the upload limit"] = (() => Picture(16, 16).Concat(new byte[HostilePortal.MaxUploadBytes]).ToArray(), "big.jpg", "image/jpeg", "the largest accepted is"),
        ["a truncated JPEG"] = (() => Picture(800, 600)[..600], "cut.jpg", "image/jpeg", "not an image we can read"),
        ["a decompression bomb"] = (() => ClaimedPng(30_000, 30_000), "bomb.png", "image/png", "more than we accept"),
        ["an image too narrow for a cover"] = (() => Picture(10, 4000), "narrow.jpg", "image/jpeg", "at least 640 pixels wide"),
        ["a JPEG with script appended"] = (() => Picture(800, 450).Concat(Script).ToArray(), "polyglot.jpg", "image/jpeg", null),
        ["a GIF with script in a comment"] = (() => Picture(800, 450, (i, s) => i.SaveAsGifAsync(s)).Concat(Script).ToArray(), "polyglot.gif", "image/gif", null),
        ["a picture 20,000 wide and 2 high"] = (() => Picture(20_000, 2, (i, s) => i.SaveAsPngAsync(s)), "strip.png", "image/png", null),
        ["traversal in the file name"] = (() => Picture(800, 450), "../../../../etc/passwd.jpg", "image/jpeg", null),
        ["backslash traversal in the file name"] = (() => Picture(800, 450), "..\\..\\..\\web.config.jpg", "image/jpeg", null),
        ["markup in the file name"] = (() => Picture(800, 450), "<img src=x onerror=alert(1) data-hostile>.jpg", "image/jpeg", null),
        ["a very long file name"] = (() => Picture(800, 450), new string('n', 1000) + ".jpg", "image/jpeg", null),
        ["a picture claiming to be HTML"] = (() => Picture(800, 450), "picture.html", "text/html", null),
    };

    public static TheoryData<string> Uploads() => [.. Files.Keys];

    private string[] FilesInDataFolder() => Directory.GetFiles(portal.DataFolder, "*", SearchOption.AllDirectories)
        .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}logs{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            && !f.Contains($"{Path.DirectorySeparatorChar}keys{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            && !f.Contains("portal.db", StringComparison.Ordinal))
        .ToArray();

    [Theory]
    [MemberData(nameof(Uploads))]
    public async Task A_hostile_upload_is_refused_beside_the_field_or_stored_only_as_re_encoded_pictures(string name)
    {
        var (bytes, fileName, contentType, refusal) = Files[name];
        var editor = await portal.StaffAsync(StaffRoles.Editor);
        var filesBefore = FilesInDataFolder();
        var (articlesBefore, imagesBefore) = await portal.WithDbAsync(async db => (await db.Articles.CountAsync(), await db.MediaImages.CountAsync()));
        var (_, form) = await Html.GetAsync(editor, ArticleForms.NewArticle);

        var response = await ArticleForms.SubmitWithFileAsync(editor, form, "#article-form", new Dictionary<string, string>
        {
            ["Input.Headline"] = $"Upload: {name}",
            ["Input.SectionId"] = (await ArticleForms.SectionIdAsync(portal)).ToString(CultureInfo.InvariantCulture),
            ["Input.Body"] = "A story with a picture.",
            ["Command"] = "publish",
        }, "Cover", bytes(), fileName, contentType);

        if (refusal is not null)
        {
            var page = await Answers.AssertRefusedAsync(response, HttpStatusCode.BadRequest);
            var beside = page.QuerySelector("[name=Cover]")!.ParentElement!.QuerySelector(".field-error")?.TextContent ?? "";
            Assert.Contains(refusal, beside);
            Answers.AssertInert(page);
            Assert.Equal((articlesBefore, imagesBefore), await portal.WithDbAsync(async db => (await db.Articles.CountAsync(), await db.MediaImages.CountAsync())));
            Assert.Equal(filesBefore, FilesInDataFolder());
            return;
        }

        var id = ArticleForms.IdFromRedirect(response);
        var image = await portal.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.CoverImage!).SingleAsync());
        Assert.Matches("^[0-9a-f]{32}$", image.StorageName);
        Assert.Equal("jpg", image.Extension);
        Assert.DoesNotContain('/', image.OriginalFileName);
        Assert.DoesNotContain('\\', image.OriginalFileName);
        Assert.InRange(image.OriginalFileName.Length, 1, 200);
        Assert.True(image.Height >= 1, "A resized picture is at least one pixel high");

        // Only new files, all in the media folder, all JPEG or WebP re-encoded here, none carrying the appended script.
        var added = FilesInDataFolder().Except(filesBefore).ToList();
        Assert.NotEmpty(added);
        foreach (var file in added)
        {
            Assert.Equal(Path.GetFullPath(portal.MediaFolder), Path.GetDirectoryName(file));
            var content = await File.ReadAllBytesAsync(file);
            var webp = file.EndsWith(".webp", StringComparison.Ordinal);
            Assert.True(webp ? content.AsSpan(8, 4).SequenceEqual("WEBP"u8) : content.AsSpan(0, 2).SequenceEqual((byte[])[0xFF, 0xD8]), file);
            Assert.DoesNotContain("<script>", Encoding.Latin1.GetString(content));
            var served = await portal.Reader().GetAsync("/media/" + Path.GetFileName(file));
            Html.AssertStatus(served, HttpStatusCode.OK);
            Assert.Equal(webp ? "image/webp" : "image/jpeg", served.Content.Headers.ContentType?.MediaType);
            Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        }

        var slug = await portal.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Slug).SingleAsync());
        var (_, article) = await Html.GetAsync(portal.Reader(), $"/article/{slug}");
        Answers.AssertInert(article);
        var (_, edit) = await Html.GetAsync(editor, $"/staff/articles/edit/{id}");
        Answers.AssertInert(edit);
    }

    [Fact]
    public async Task A_body_far_over_the_form_limit_is_refused_without_a_server_error_and_stores_nothing()
    {
        var editor = await portal.StaffAsync(StaffRoles.Editor);
        var (_, form) = await Html.GetAsync(editor, ArticleForms.NewArticle);
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var articles = await portal.WithDbAsync(db => db.Articles.CountAsync());
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Huge upload"), "Input.Headline" },
            { new StringContent("publish"), "Command" },
        };
        var file = new ByteArrayContent(new byte[30 * 1024 * 1024]);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        content.Add(file, "Cover", "huge.jpg");
        using var request = new HttpRequestMessage(HttpMethod.Post, ArticleForms.NewArticle) { Content = content };
        request.Headers.ExpectContinue = true;

        var response = await editor.SendAsync(request);

        Assert.InRange((int)response.StatusCode, 400, 499);
        await Answers.AssertHandledAsync(response);
        Assert.Equal(articles, await portal.WithDbAsync(db => db.Articles.CountAsync()));
    }
}
