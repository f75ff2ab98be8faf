using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.MediaLibrary;

/// <summary>Hostile files sent to the media library: each is refused with a message a person understands, and nothing is stored.</summary>
public sealed class HostileMediaUploads(MediaLibraryFactory factory) : IClassFixture<MediaLibraryFactory>
{
    /// <summary>A PNG whose header declares <paramref name="width"/> × <paramref name="height"/> pixels around one tiny block of data.</summary>
    private static byte[] DeclaredPng(int width, int height)
    {
        var png = MediaSamples.Picture(400, 300, "png");
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), height);
        var crc = Hostile.PngCrc.Of(png[12..29]);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), crc);
        return png;
    }

    public static TheoryData<string, string, string, string> Files => new()
    {
        { "php", "shell.jpg", "image/jpeg", "not a picture or video we can read" },
        { "truncated-mp4", "cut.mp4", "video/mp4", "not a video we can read" },
        { "declared-20000", "huge.png", "image/png", "20000 × 20000 pixels, more than we accept" },
        { "svg-script", "drawing.svg", "image/svg+xml", "SVG drawings are not accepted" },
        { "over-limit", "big.jpg", "image/jpeg", "the largest accepted is 0.3 MB" },
        { "over-video-limit", "big.mp4", "video/mp4", "the largest accepted is 2 MB" },
        { "empty", "empty.jpg", "image/jpeg", "The chosen file is empty" },
        { "audio-only", "sound.mp4", "video/mp4", "no video in it" },
    };

    private static byte[] Bytes(string kind) => kind switch
    {
        "php" => Encoding.UTF8.GetBytes("<?php system($_GET['cmd']); ?>\n"),
        "truncated-mp4" => MediaSamples.Video("mp4") is var whole ? whole[..(whole.Length / 2)] : [],
        "declared-20000" => DeclaredPng(20_000, 20_000),
        "svg-script" => Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(document.cookie)</script></svg>"),
        "over-limit" => MediaSamples.Picture(400, 300).Concat(new byte[MediaLibraryFactory.MaxUploadBytes]).ToArray(),
        "over-video-limit" => MediaSamples.Video("mp4", seconds: 1, width: 160, height: 90) is var v ? v.Concat(new byte[MediaLibraryFactory.MaxVideoBytes]).ToArray() : [],
        "empty" => [],
        "audio-only" => MediaSamples.Video("mp4", audioOnly: true),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task A_hostile_file_is_refused_with_a_clear_message_and_nothing_is_stored(string kind, string fileName, string contentType, string message)
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        var files = factory.MediaFileCount();
        var rows = await factory.WithDbAsync(db => db.MediaItems.CountAsync());
        var images = await factory.WithDbAsync(db => db.MediaImages.CountAsync());

        var response = await LibraryForms.UploadAsync(editor, new(Bytes(kind), fileName, contentType, $"Hostile {kind}"));

        Html.AssertStatus(response, HttpStatusCode.BadRequest);
        Assert.Contains(message, (await Html.ParseAsync(response)).Text("#media-upload-form .errors"));
        Assert.Equal(files, factory.MediaFileCount());
        Assert.Equal(rows, await factory.WithDbAsync(db => db.MediaItems.CountAsync()));
        Assert.Equal(images, await factory.WithDbAsync(db => db.MediaImages.CountAsync()));
    }

    [Fact]
    public async Task Captions_that_are_not_webvtt_are_refused_and_the_video_is_not_kept()
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        var files = factory.MediaFileCount();

        var response = await LibraryForms.UploadAsync(editor, new(MediaSamples.Video("mp4", seconds: 1, width: 320, height: 180), "clip.mp4", "video/mp4", "A clip"),
            "1\n00:00:00,000 --> 00:00:01,000\nSRT, not WebVTT\n");

        Html.AssertStatus(response, HttpStatusCode.BadRequest);
        Assert.Contains("The captions file is not WebVTT", (await Html.ParseAsync(response)).Text("#media-upload-form .errors"));
        Assert.Equal(files, factory.MediaFileCount());
    }
}
