using System.Diagnostics;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace NewsPortal.BrowserTests.Infrastructure;

/// <summary>Real files for the media tests: a picture drawn with ImageSharp, a WebM test card made with ffmpeg.</summary>
public static class MediaFiles
{
    public static byte[] Jpeg(int width, int height, byte blue)
    {
        using var image = new Image<Rgb24>(width, height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    row[x] = new Rgb24((byte)(x * 255 / width), (byte)(y * 255 / height), blue);
                }
            }
        });
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream);
        return stream.ToArray();
    }

    public static byte[] WebmVideo()
    {
        var folder = Directory.CreateTempSubdirectory("newsportal-browser-video-").FullName;
        try
        {
            var output = Path.Combine(folder, "clip.webm");
            var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[]
            {
                "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=640x360:rate=25:duration=3", "-f", "lavfi", "-i", "sine=frequency=330:duration=3",
                "-c:v", "libvpx", "-deadline", "realtime", "-b:v", "400k", "-c:a", "libvorbis", output,
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEnd();
            Assert.True(process.WaitForExit(120_000) && process.ExitCode == 0, "ffmpeg failed: " + errors);
            return File.ReadAllBytes(output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public const string Captions = "WEBVTT\n\n00:00:00.000 --> 00:00:03.000\nA test card and a tone.\n";
}
