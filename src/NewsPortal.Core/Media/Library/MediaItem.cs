using NewsPortal.Core.Articles;

namespace NewsPortal.Core.Media.Library;

public enum MediaKind
{
    Image = 0,
    Video = 1,
}

/// <summary>
/// An entry of the media library: a picture (its resized files are a <see cref="MediaImage"/>) or a video (its file,
/// a poster picture and optional WebVTT captions), with the words readers and search see.
/// </summary>
public class MediaItem
{
    public int Id { get; set; }
    public MediaKind Kind { get; set; }

    /// <summary>The picture itself, or a video's poster frame.</summary>
    public int? ImageId { get; set; }
    public MediaImage? Image { get; set; }

    /// <summary>What the picture shows, for readers who cannot see it (required for pictures).</summary>
    public string AltText { get; set; } = "";
    public string? Caption { get; set; }
    public string? Credit { get; set; }
    public string OriginalFileName { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";

    /// <summary>A video's file name in the media folder, "{stem}-video.mp4" or ".webm".</summary>
    public string? VideoFile { get; set; }
    public string? VideoType { get; set; }
    public long VideoBytes { get; set; }
    public double DurationSeconds { get; set; }
    public int VideoWidth { get; set; }
    public int VideoHeight { get; set; }

    /// <summary>WebVTT captions beside the video, "{stem}-video.vtt".</summary>
    public string? CaptionsFile { get; set; }
    public string? CaptionsLanguage { get; set; }
}

public enum MediaUse
{
    Body = 0,
    Gallery = 1,
}

/// <summary>A library item an article's body shows, in the order it appears (rebuilt on every save).</summary>
public class ArticleMedia
{
    public int ArticleId { get; set; }
    public Article? Article { get; set; }
    public int Position { get; set; }
    public int MediaItemId { get; set; }
    public MediaItem? Item { get; set; }
    public MediaUse Use { get; set; }

    /// <summary>The caption this use shows (the text in the Markdown brackets, else the item's caption).</summary>
    public string? Caption { get; set; }
}

/// <summary>Field lengths of the library, shared by the schema and the upload form.</summary>
public static class MediaLimits
{
    public const int AltText = 300;
    public const int Caption = ArticleLimits.Caption;
    public const int Credit = ArticleLimits.Credit;
    public const int FileName = 255;
}
