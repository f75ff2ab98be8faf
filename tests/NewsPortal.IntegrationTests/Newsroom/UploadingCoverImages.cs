using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace NewsPortal.IntegrationTests.Newsroom;

public sealed class UploadingCoverImages(NewsroomFactory factory) : IClassFixture<NewsroomFactory>
{
    private static byte[] Picture(int width, int height, bool noisy = false)
    {
        using var image = new Image<Rgb24>(width, height);
        var random = new Random(42);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    row[x] = noisy
                        ? new Rgb24((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256))
                        : new Rgb24((byte)(x * 255 / width), (byte)(y * 255 / height), 120);
                }
            }
        });
        using var stream = new MemoryStream();
        if (noisy)
        {
            image.SaveAsPng(stream);
        }
        else
        {
            image.SaveAsJpeg(stream);
        }

        return stream.ToArray();
    }

    private async Task<HttpResponseMessage> UploadAsync(HttpClient editor, string headline, byte[] file, string fileName, string contentType)
    {
        var (_, form) = await Html.GetAsync(editor, ArticleForms.NewArticle);
        return await ArticleForms.SubmitWithFileAsync(editor, form, "#article-form", new Dictionary<string, string>
        {
            ["Input.Headline"] = headline,
            ["Input.SectionId"] = (await ArticleForms.SectionIdAsync(factory)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Body"] = "A story with a picture.",
            ["Input.CoverCaption"] = "The old pier at dusk.",
            ["Input.CoverCredit"] = "Staff photographer",
            ["Command"] = "publish",
        }, "Cover", file, fileName, contentType);
    }

    private int MediaFileCount() => Directory.Exists(factory.MediaFolder) ? Directory.GetFiles(factory.MediaFolder).Length : 0;

    [Fact]
    public async Task A_cover_image_is_resized_stored_outside_the_web_root_and_served_with_srcset_and_long_cache_headers()
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);

        var response = await UploadAsync(editor, "Old pier gets new lights", Picture(1600, 900), "pier.jpg", "image/jpeg");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var image = await factory.WithDbAsync(db => db.Articles.Where(a => a.Slug == "old-pier-gets-new-lights").Select(a => a.CoverImage!).SingleAsync());
        Assert.Equal("320,640,1280", image.Widths);
        foreach (var width in new[] { 320, 640, 1280 })
        {
            var path = Path.Combine(factory.MediaFolder, $"{image.StorageName}-{width}.jpg");
            Assert.True(File.Exists(path), $"{path} was not written");
            var info = await Image.IdentifyAsync(path);
            Assert.Equal(width, info.Width);
        }

        var reader = factory.CreateBrowserClient();
        var (_, article) = await Html.GetAsync(reader, "/article/old-pier-gets-new-lights");
        var img = article.QuerySelector(".cover img")!;
        Assert.Equal($"/media/{image.StorageName}-640.jpg", img.GetAttribute("src"));
        Assert.Contains($"/media/{image.StorageName}-1280.jpg 1280w", img.GetAttribute("srcset"));
        Assert.Contains("Staff photographer", article.Text(".cover figcaption"));

        // Sharing previews and structured data take the widest size, not the one the page shows.
        Assert.Equal($"http://localhost/media/{image.StorageName}-1280.jpg", article.QuerySelector("meta[property='og:image']")!.GetAttribute("content"));
        var jsonLd = article.QuerySelector("script[type='application/ld+json']")!.TextContent;
        Assert.Contains($"/media/{image.StorageName}-1280.jpg", jsonLd);

        var served = await reader.GetAsync($"/media/{image.StorageName}-640.jpg");
        Html.AssertStatus(served, HttpStatusCode.OK);
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType?.MediaType);
        Assert.True(served.Headers.CacheControl?.MaxAge >= TimeSpan.FromDays(365));
        Assert.Contains("immutable", served.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task A_small_image_is_never_upscaled_and_one_too_narrow_for_a_cover_is_refused()
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);

        var medium = await UploadAsync(editor, "Medium sized photo story", Picture(900, 600), "medium.jpg", "image/jpeg");
        var narrow = await UploadAsync(editor, "Narrow photo story", Picture(500, 300), "narrow.jpg", "image/jpeg");

        Assert.Equal(HttpStatusCode.Redirect, medium.StatusCode);
        Assert.Equal("320,640", await factory.WithDbAsync(db => db.Articles.Where(a => a.Slug == "medium-sized-photo-story").Select(a => a.CoverImage!.Widths).SingleAsync()));
        Html.AssertStatus(narrow, HttpStatusCode.BadRequest);
        Assert.Contains("at least 640 pixels wide", (await Html.ParseAsync(narrow)).Text("#article-form .errors"));
    }

    [Fact]
    public async Task A_text_file_named_like_a_picture_is_refused_with_a_clear_message_and_nothing_is_stored()
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        var filesBefore = MediaFileCount();
        var rowsBefore = await factory.WithDbAsync(db => db.MediaImages.CountAsync());

        var response = await UploadAsync(editor, "Story with a fake picture", "This is not a picture at all."u8.ToArray(), "photo.jpg", "image/jpeg");

        Html.AssertStatus(response, HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        Assert.Contains("not an image we can read", page.Text("#article-form .errors"));
        Assert.Equal("Story with a fake picture", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Headline")!.Value);
        Assert.Equal(rowsBefore, await factory.WithDbAsync(db => db.MediaImages.CountAsync()));
        Assert.Equal(filesBefore, MediaFileCount());
        Assert.False(await factory.WithDbAsync(db => db.Articles.AnyAsync(a => a.Headline == "Story with a fake picture")));
    }

    [Fact]
    public async Task An_image_over_the_size_limit_is_refused_with_a_clear_message_and_nothing_is_stored()
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        var big = Picture(700, 400, noisy: true);
        Assert.True(big.Length > NewsroomFactory.MaxUploadBytes);
        var filesBefore = MediaFileCount();
        var rowsBefore = await factory.WithDbAsync(db => db.MediaImages.CountAsync());

        var response = await UploadAsync(editor, "Story with a huge picture", big, "huge.png", "image/png");

        Html.AssertStatus(response, HttpStatusCode.BadRequest);
        Assert.Contains("the largest accepted is 0.3 MB", (await Html.ParseAsync(response)).Text("#article-form .errors"));
        Assert.Equal(rowsBefore, await factory.WithDbAsync(db => db.MediaImages.CountAsync()));
        Assert.Equal(filesBefore, MediaFileCount());
        Assert.False(await factory.WithDbAsync(db => db.Articles.AnyAsync(a => a.Headline == "Story with a huge picture")));
    }
}
