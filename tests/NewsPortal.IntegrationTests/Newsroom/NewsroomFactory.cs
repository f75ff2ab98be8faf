using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Newsroom;

/// <summary>The portal with its uploads in the test's own folder and a small upload limit.</summary>
public class NewsroomFactory : PortalFactory
{
    public const long MaxUploadBytes = 300 * 1024;

    public string MediaFolder => Path.Combine(DataFolder, "media");

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Media:Folder", MediaFolder),
        new("Media:MaxUploadBytes", MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];
}
