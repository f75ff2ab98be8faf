using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsPortal.Core.Articles;

namespace NewsPortal.Core.Media.Video;

/// <summary>A video written to the media folder (the database row not yet saved): its file, facts and poster.</summary>
public sealed record StoredVideo(string File, string ContentType, long Bytes, VideoFacts Facts, MediaImage Poster);

public sealed record VideoResult(StoredVideo? Video, string? Error);

/// <summary>
/// Takes video uploads into the media folder: ffprobe decides whether the file is a video browsers play (MP4 with
/// H.264/AAC, or WebM) within the size and length limits, ffmpeg takes a poster frame (unless the editor sent a
/// picture), and the file is kept as "{stem}-video.{mp4|webm}". Without ffprobe or ffmpeg a video upload is refused
/// with a message saying so; pictures do not need them.
/// </summary>
public sealed class VideoStore(IOptions<MediaOptions> options, MediaStore media, ILogger<VideoStore> log)
{
    public const string ToolsMissing =
        "Video uploads are not available on this server: ffprobe and ffmpeg (Debian's ffmpeg package) are not installed or not found. Pictures can still be uploaded; ask the administrator to install ffmpeg or set Media:FfprobePath and Media:FfmpegPath.";

    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    private MediaOptions Options => options.Value;

    public async Task<VideoResult> StoreAsync(UploadedFile file, UploadedFile? poster, CancellationToken ct)
    {
        var max = Options.MaxVideoBytes;
        if (file.Length > max)
        {
            return Refuse($"The video is {MediaStore.Megabytes(file.Length)} MB; the largest accepted is {MediaStore.Megabytes(max)} MB. Make it smaller and try again.");
        }

        Directory.CreateDirectory(media.Folder);
        var stem = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var upload = Path.Combine(media.Folder, $".{stem}.upload");
        var keep = false;
        string? final = null;
        try
        {
            await using (var output = new FileStream(upload, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            await using (var input = file.OpenReadStream())
            {
                if (!await MediaStore.CopyAtMostAsync(input, output, max, ct))
                {
                    return Refuse($"The video is larger than {MediaStore.Megabytes(max)} MB, the largest accepted. Make it smaller and try again.");
                }
            }

            var probe = await ToolRunner.RunAsync(Options.FfprobePath, VideoProbe.Arguments(upload), Deadline, ct);
            if (!probe.Started)
            {
                log.LogWarning("A video upload was refused: ffprobe ({Program}) could not be started", Options.FfprobePath);
                return Refuse(ToolsMissing);
            }

            var facts = probe.ExitCode == 0 ? VideoProbe.Parse(probe.Output) : null;
            if (facts is null)
            {
                log.LogInformation("Refused a video upload that ffprobe could not read: {Reason}", Shorten(probe.Errors));
                return Refuse("That file is not a video we can read (it may be cut short or damaged). Upload a whole MP4 (H.264/AAC) or WebM video.");
            }

            if (VideoProbe.Check(facts, Options.MaxVideoSeconds, out var contentType, out var extension) is { } problem)
            {
                log.LogInformation("Refused a video upload: {Container} {Video}/{Audio}, {Seconds} s", facts.Container, facts.VideoCodec, facts.AudioCodec, facts.Seconds);
                return Refuse(problem);
            }

            var sent = poster is null ? await PosterFrameAsync(upload, stem, facts, ct) : await media.StoreAsync(poster, 16, ct);
            if (sent.Image is not { } stored)
            {
                return Refuse(poster is null ? sent.Error! : "The poster picture was refused: " + sent.Error);
            }

            final = $"{stem}-video.{extension}";
            try
            {
                File.Move(upload, Path.Combine(media.Folder, final));
            }
            catch
            {
                media.Delete(stored);
                throw;
            }

            keep = true;
            log.LogInformation("Stored video {File}: {Width}x{Height}, {Seconds} s", final, facts.Width, facts.Height, facts.Seconds);
            return new VideoResult(new StoredVideo(final, contentType, new FileInfo(Path.Combine(media.Folder, final)).Length, facts, stored), null);
        }
        finally
        {
            File.Delete(upload);
            if (!keep && final is not null)
            {
                File.Delete(Path.Combine(media.Folder, final));
            }
        }
    }

    /// <summary>Checks WebVTT captions (UTF-8 text starting "WEBVTT", at most 512 KB) and writes them beside the video.</summary>
    public async Task<(string? File, string? Error)> StoreCaptionsAsync(UploadedFile captions, string videoFile, CancellationToken ct)
    {
        const long Max = 512 * 1024;
        if (captions.Length <= 0 || captions.Length > Max)
        {
            return (null, "Captions must be a WebVTT file of at most 512 KB.");
        }

        using var buffer = new MemoryStream();
        await using (var input = captions.OpenReadStream())
        {
            if (!await MediaStore.CopyAtMostAsync(input, buffer, Max, ct))
            {
                return (null, "Captions must be a WebVTT file of at most 512 KB.");
            }
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.ToArray()).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return (null, "The captions file is not UTF-8 text. Save it as WebVTT (UTF-8) and try again.");
        }

        if (!text.StartsWith("WEBVTT", StringComparison.Ordinal) || text.Contains('\0', StringComparison.Ordinal))
        {
            return (null, "The captions file is not WebVTT: it must start with the line \"WEBVTT\". Convert SRT captions to WebVTT and try again.");
        }

        var name = Path.ChangeExtension(videoFile, "vtt");
        await File.WriteAllTextAsync(Path.Combine(media.Folder, name), text, new UTF8Encoding(false), ct);
        return (name, null);
    }

    /// <summary>Removes a video's file and captions (its poster is a <see cref="MediaImage"/>, removed by <see cref="MediaStore.Delete"/>).</summary>
    public void Delete(string? videoFile, string? captionsFile)
    {
        foreach (var name in new[] { videoFile, captionsFile })
        {
            if (name is not null && Path.GetFileName(name) == name)
            {
                File.Delete(Path.Combine(media.Folder, name));
            }
        }
    }

    private async Task<MediaResult> PosterFrameAsync(string video, string stem, VideoFacts facts, CancellationToken ct)
    {
        var png = Path.Combine(media.Folder, $".{stem}.poster.png");
        try
        {
            var at = Math.Min(1.0, facts.Seconds / 2).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
            var run = await ToolRunner.RunAsync(Options.FfmpegPath,
                ["-v", "error", "-ss", at, "-i", video, "-frames:v", "1", "-f", "image2", "-c:v", "png", "-y", png], Deadline, ct);
            if (!run.Started)
            {
                log.LogWarning("A video upload was refused: ffmpeg ({Program}) could not be started", Options.FfmpegPath);
                return new MediaResult(null, ToolsMissing);
            }

            if (run.ExitCode != 0 || !File.Exists(png))
            {
                log.LogInformation("ffmpeg could not take a poster frame: {Reason}", Shorten(run.Errors));
                return new MediaResult(null, "No picture could be taken from the video for its poster. Upload a poster picture with it, or export the video again.");
            }

            var length = new FileInfo(png).Length;
            return await media.StoreAsync(new UploadedFile("poster.png", length, () => File.OpenRead(png)), 16, ct);
        }
        finally
        {
            File.Delete(png);
        }
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] : text.Trim();

    private static VideoResult Refuse(string error) => new(null, error);
}
