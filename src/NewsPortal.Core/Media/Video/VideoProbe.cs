using System.Globalization;
using System.Text.Json;

namespace NewsPortal.Core.Media.Video;

/// <summary>What ffprobe found in a file: its container and the codecs, size and length of its streams.</summary>
public sealed record VideoFacts(string Container, string? VideoCodec, string? AudioCodec, int Width, int Height, double Seconds);

/// <summary>Reads ffprobe's JSON and decides whether the file is a video readers' browsers play: MP4 with H.264 (and AAC), or WebM.</summary>
public static class VideoProbe
{
    public static IReadOnlyList<string> Arguments(string path) =>
        ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", path];

    public static VideoFacts? Parse(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            if (!root.TryGetProperty("format", out var format))
            {
                return null;
            }

            string? video = null, audio = null;
            int width = 0, height = 0;
            if (root.TryGetProperty("streams", out var streams))
            {
                foreach (var stream in streams.EnumerateArray())
                {
                    var type = Text(stream, "codec_type");
                    var codec = Text(stream, "codec_name");
                    var attached = stream.TryGetProperty("disposition", out var d) && d.TryGetProperty("attached_pic", out var a) && a.GetInt32() == 1;
                    if (type == "video" && video is null && !attached)
                    {
                        video = codec;
                        width = stream.TryGetProperty("width", out var w) ? w.GetInt32() : 0;
                        height = stream.TryGetProperty("height", out var h) ? h.GetInt32() : 0;
                    }
                    else if (type == "audio" && audio is null)
                    {
                        audio = codec;
                    }
                }
            }

            var seconds = double.TryParse(Text(format, "duration"), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? s : 0;
            return new VideoFacts(Text(format, "format_name") ?? "", video, audio, width, height, seconds);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Null when readers can play the file; otherwise the refusal. Sets the file's type and extension.</summary>
    public static string? Check(VideoFacts facts, int maxSeconds, out string contentType, out string extension)
    {
        contentType = "";
        extension = "";
        if (facts.VideoCodec is null)
        {
            return "The file has no video in it (only sound, or nothing a browser can show). Upload an MP4 (H.264) or WebM video.";
        }

        var formats = facts.Container.Split(',');
        if (formats.Contains("mp4") || formats.Contains("mov"))
        {
            if (facts.VideoCodec != "h264" || facts.AudioCodec is not (null or "aac"))
            {
                return $"The MP4 file holds {facts.VideoCodec} video{(facts.AudioCodec is null ? "" : $" and {facts.AudioCodec} sound")}; browsers play MP4 with H.264 video and AAC sound. Export it again as H.264/AAC, or as WebM.";
            }

            (contentType, extension) = ("video/mp4", "mp4");
        }
        else if (formats.Contains("webm") || formats.Contains("matroska"))
        {
            if (facts.VideoCodec is not ("vp8" or "vp9" or "av1") || facts.AudioCodec is not (null or "opus" or "vorbis"))
            {
                return "The file is a Matroska video with codecs browsers do not play. Upload WebM (VP8, VP9 or AV1 video with Opus or Vorbis sound) or MP4 (H.264/AAC).";
            }

            (contentType, extension) = ("video/webm", "webm");
        }
        else
        {
            return "That video format is not accepted. Upload an MP4 (H.264 video, AAC sound) or WebM video.";
        }

        if (facts.Seconds <= 0 || facts.Width <= 0 || facts.Height <= 0)
        {
            return "The video could not be read to its end (it may be cut short). Export it again and upload the whole file.";
        }

        if (facts.Seconds > maxSeconds)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"The video is {TimeSpan.FromSeconds(Math.Round(facts.Seconds)):g} long; the longest accepted is {TimeSpan.FromSeconds(maxSeconds):g}. Cut it shorter and try again.");
        }

        return null;
    }

    /// <summary>MP4 and QuickTime start with an "ftyp" box; WebM and Matroska with the EBML magic number.</summary>
    public static bool LooksLikeVideo(ReadOnlySpan<byte> head) =>
        (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8)) || head.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]);

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
