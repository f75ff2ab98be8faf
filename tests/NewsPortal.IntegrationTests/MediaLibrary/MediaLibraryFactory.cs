using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.MediaLibrary;

/// <summary>The portal with its media in the test's own folder, small upload limits and short videos only.</summary>
public class MediaLibraryFactory : PortalFactory
{
    public const long MaxUploadBytes = 300 * 1024;
    public const long MaxVideoBytes = 2 * 1024 * 1024;
    public const int MaxVideoSeconds = 5;

    public string MediaFolder => Path.Combine(DataFolder, "media");

    public int MediaFileCount() => Directory.Exists(MediaFolder) ? Directory.GetFiles(MediaFolder).Length : 0;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Media:Folder", MediaFolder),
        new("Media:MaxUploadBytes", MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Media:MaxVideoBytes", MaxVideoBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Media:MaxVideoSeconds", MaxVideoSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];
}

/// <summary>The same portal on a server where ffprobe and ffmpeg are not where the settings say.</summary>
public sealed class NoFfmpegFactory : MediaLibraryFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        .. base.Settings(),
        new("Media:FfprobePath", "/nonexistent/bin/ffprobe"),
        new("Media:FfmpegPath", "/nonexistent/bin/ffmpeg"),
    ];
}
