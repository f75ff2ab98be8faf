using System.ComponentModel.DataAnnotations;

namespace NewsPortal.Core.Media;

/// <summary>Where uploaded images are kept and what is accepted. Bound from the "Media" section.</summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>
    /// Folder for the resized images; a relative path is taken from the content root. Never inside the web
    /// root or the source tree: uploads are data, not code.
    /// </summary>
    [Required]
    public string Folder { get; set; } = "data/media";

    /// <summary>The largest upload accepted, in bytes (10 MB by default).</summary>
    [Range(1024, 200L * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 10L * 1024 * 1024;

    /// <summary>Refuses images with more pixels than this (decompression bombs).</summary>
    [Range(1_000_000, 200_000_000)]
    public long MaxPixels { get; set; } = 50_000_000;

    [Range(30, 100)]
    public int JpegQuality { get; set; } = 82;

    /// <summary>How often files no article uses (interrupted uploads, replaced covers) are looked for, in minutes.</summary>
    [Range(1, 24 * 60)]
    public int SweepMinutes { get; set; } = 60;

    /// <summary>How old an unused file must be before the sweep deletes it, in hours (a save in progress is never touched).</summary>
    [Range(1, 24 * 30)]
    public int OrphanGraceHours { get; set; } = 24;

    /// <summary>The largest video accepted into the media library, in bytes (200 MB by default).</summary>
    [Range(1024, 4L * 1024 * 1024 * 1024)]
    public long MaxVideoBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>The longest video accepted, in seconds (10 minutes by default).</summary>
    [Range(1, 6 * 60 * 60)]
    public int MaxVideoSeconds { get; set; } = 600;

    /// <summary>The ffprobe program that checks video uploads (Debian's ffmpeg package; a bare name is looked up on the PATH).</summary>
    [Required]
    public string FfprobePath { get; set; } = "ffprobe";

    /// <summary>The ffmpeg program that takes a video's poster frame.</summary>
    [Required]
    public string FfmpegPath { get; set; } = "ffmpeg";

    /// <summary>The narrowest picture the media library accepts (covers need <see cref="MediaStore.MinWidth"/>).</summary>
    [Range(16, 4000)]
    public int MinLibraryWidth { get; set; } = 320;
}
