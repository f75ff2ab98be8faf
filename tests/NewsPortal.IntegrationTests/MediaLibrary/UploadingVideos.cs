using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Media.Library;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.IntegrationTests.Newsroom;

namespace NewsPortal.IntegrationTests.MediaLibrary;

public sealed class UploadingVideos(MediaLibraryFactory factory) : IClassFixture<MediaLibraryFactory>
{
    [Fact]
    public async Task An_mp4_is_probed_given_a_poster_and_captions_and_served_in_ranges_with_a_long_immutable_cache()
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        var mp4 = MediaSamples.Video("mp4");

        var id = await LibraryForms.AddAsync(editor, new(mp4, "test-card.mp4", "video/mp4", "A test card with a tone", "The test card", "Video Desk"), MediaSamples.Captions);

        var item = await factory.WithDbAsync(db => db.MediaItems.Include(m => m.Image).SingleAsync(m => m.Id == id));
        Assert.Equal(MediaKind.Video, item.Kind);
        Assert.Equal("video/mp4", item.VideoType);
        Assert.Equal((640, 360), (item.VideoWidth, item.VideoHeight));
        Assert.InRange(item.DurationSeconds, 1.5, 2.5);
        Assert.NotNull(item.Image);
        Assert.True(File.Exists(Path.Combine(factory.MediaFolder, $"{item.Image!.StorageName}-640.jpg")), "no poster frame was written");
        Assert.Equal(mp4.Length, new FileInfo(Path.Combine(factory.MediaFolder, item.VideoFile!)).Length);

        var reader = factory.CreateBrowserClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/media/{item.VideoFile}");
        request.Headers.Range = new RangeHeaderValue(100, 1099);
        var range = await reader.SendAsync(request);
        Html.AssertStatus(range, HttpStatusCode.PartialContent);
        Assert.Equal(1000, (await range.Content.ReadAsByteArrayAsync()).Length);
        Assert.Equal($"bytes 100-1099/{mp4.Length}", range.Content.Headers.ContentRange!.ToString());
        Assert.Equal("video/mp4", range.Content.Headers.ContentType?.MediaType);
        Assert.True(range.Headers.CacheControl?.MaxAge >= TimeSpan.FromDays(365));
        Assert.Contains("immutable", range.Headers.CacheControl!.ToString());
        var vtt = await reader.GetAsync($"/media/{item.CaptionsFile}");
        Html.AssertStatus(vtt, HttpStatusCode.OK);
        Assert.Equal("text/vtt", vtt.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("WEBVTT", await vtt.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_video_in_an_article_is_a_video_element_loading_nothing_until_played_with_poster_captions_caption_and_video_object()
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        var id = await LibraryForms.AddAsync(editor, new(MediaSamples.Video("webm"), "clip.webm", "video/webm", "Waves on the shore", "Library words", "River Films"), MediaSamples.Captions);
        await ArticleForms.CreateAsync(factory, editor, "High tide in pictures and film", $"Watch the tide.\n\n![High tide at the east pier](media:{id})\n", "publish");
        var item = await factory.WithDbAsync(db => db.MediaItems.Include(m => m.Image).SingleAsync(m => m.Id == id));

        var (response, page) = await Html.GetAsync(factory.CreateBrowserClient(), "/article/high-tide-in-pictures-and-film");

        Html.AssertStatus(response, HttpStatusCode.OK);
        var video = page.QuerySelector("figure.media-video video")!;
        Assert.True(video.HasAttribute("controls"));
        Assert.Equal("none", video.GetAttribute("preload"));
        Assert.Equal($"/media/{item.Image!.StorageName}-640.jpg", video.GetAttribute("poster"));
        Assert.Equal(($"/media/{item.VideoFile}", "video/webm"), (video.QuerySelector("source")!.GetAttribute("src"), video.QuerySelector("source")!.GetAttribute("type")));
        Assert.Equal("captions", video.QuerySelector("track")!.GetAttribute("kind"));
        Assert.Equal("High tide at the east pier Credit: River Films", page.QuerySelector("figure.media-video figcaption")!.TextContent);
        var article = page.QuerySelectorAll("script[type='application/ld+json']").Select(s => JsonDocument.Parse(s.TextContent).RootElement)
            .Single(e => e.GetProperty("@type").GetString() == "NewsArticle");
        var videoObject = article.GetProperty("video")[0];
        Assert.Equal("VideoObject", videoObject.GetProperty("@type").GetString());
        Assert.Equal("High tide at the east pier", videoObject.GetProperty("name").GetString());
        Assert.EndsWith($"/media/{item.VideoFile}", videoObject.GetProperty("contentUrl").GetString());
        Assert.Equal("PT2S", videoObject.GetProperty("duration").GetString());
        Assert.EndsWith("-640.jpg", videoObject.GetProperty("thumbnailUrl").GetString());
    }

    [Fact]
    public async Task A_video_longer_than_allowed_is_refused_with_a_message_and_nothing_is_stored()
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        var files = factory.MediaFileCount();

        var response = await LibraryForms.UploadAsync(editor, new(MediaSamples.Video("mp4", seconds: MediaLibraryFactory.MaxVideoSeconds + 2, width: 160, height: 90), "long.mp4", "video/mp4", "A long clip"));

        Html.AssertStatus(response, HttpStatusCode.BadRequest);
        Assert.Contains("the longest accepted is 0:00:05", (await Html.ParseAsync(response)).Text("#media-upload-form .errors"));
        Assert.Equal(files, factory.MediaFileCount());
        Assert.Empty(Directory.GetFiles(factory.MediaFolder, ".*"));
    }
}

public sealed class UploadingVideosWithoutFfmpeg(NoFfmpegFactory factory) : IClassFixture<NoFfmpegFactory>
{
    [Fact]
    public async Task A_video_upload_says_that_video_is_not_available_and_pictures_articles_and_reading_still_work()
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);

        var video = await LibraryForms.UploadAsync(editor, new(MediaSamples.Video("mp4"), "clip.mp4", "video/mp4", "A clip"));
        var picture = await LibraryForms.AddAsync(editor, new(MediaSamples.Picture(800, 450), "still.jpg", "image/jpeg", "A still picture"));
        await ArticleForms.CreateAsync(factory, editor, "Story without video", $"Words.\n\n![A still](media:{picture})\n", "publish");

        Html.AssertStatus(video, HttpStatusCode.BadRequest);
        Assert.Contains("Video uploads are not available on this server", (await Html.ParseAsync(video)).Text("#media-upload-form .errors"));
        Assert.False(await factory.WithDbAsync(db => db.MediaItems.AnyAsync(m => m.Kind == MediaKind.Video)));
        var (reading, page) = await Html.GetAsync(factory.CreateBrowserClient(), "/article/story-without-video");
        Html.AssertStatus(reading, HttpStatusCode.OK);
        Assert.NotNull(page.QuerySelector("figure.media-figure picture img"));
    }
}
