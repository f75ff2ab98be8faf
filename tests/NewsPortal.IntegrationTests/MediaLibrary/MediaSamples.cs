using System.Diagnostics;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace NewsPortal.IntegrationTests.MediaLibrary;

/// <summary>Real files for the library tests: pictures drawn with ImageSharp, videos made with ffmpeg.</summary>
public static class MediaSamples
{
    public static byte[] Picture(int width, int height, string format = "jpeg")
    {
        using var image = new Image<Rgb24>(width, height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    row[x] = new Rgb24((byte)(x * 255 / width), (byte)(y * 255 / height), (byte)((x + y) % 256));
                }
            }
        });
        using var stream = new MemoryStream();
        switch (format)
        {
            case "png":
                image.SaveAsPng(stream);
                break;
            case "webp":
                image.SaveAsWebp(stream);
                break;
            default:
                image.SaveAsJpeg(stream);
                break;
        }

        return stream.ToArray();
    }

    /// <summary>A short test-card video: MP4 (H.264 and AAC) or WebM (VP8 and Vorbis); <paramref name="audioOnly"/> leaves the picture out.</summary>
    public static byte[] Video(string format = "mp4", double seconds = 2, bool audioOnly = false, int width = 640, int height = 360)
    {
        var folder = Directory.CreateTempSubdirectory("newsportal-video-").FullName;
        try
        {
            var output = Path.Combine(folder, $"sample.{format}");
            var duration = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var arguments = new List<string> { "-v", "error", "-y" };
            if (!audioOnly)
            {
                arguments.AddRange(["-f", "lavfi", "-i", $"testsrc=size={width}x{height}:rate=25:duration={duration}"]);
            }

            arguments.AddRange(["-f", "lavfi", "-i", $"sine=frequency=440:duration={duration}"]);
            arguments.AddRange(format == "webm"
                ? ["-c:v", "libvpx", "-deadline", "realtime", "-b:v", "300k", "-c:a", "libvorbis"]
                : audioOnly ? ["-c:a", "aac", "-f", "mp4"] : ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac"]);
            arguments.Add(output);

            var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
            arguments.ForEach(start.ArgumentList.Add);
            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEnd();
            Assert.True(process.WaitForExit(120_000), "ffmpeg did not finish within two minutes");
            Assert.True(process.ExitCode == 0, "ffmpeg failed: " + errors);
            return File.ReadAllBytes(output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public const string Captions = "WEBVTT\n\n00:00:00.000 --> 00:00:01.500\nThe test card comes on.\n\n00:00:01.500 --> 00:00:02.000\nA tone plays.\n";
}
