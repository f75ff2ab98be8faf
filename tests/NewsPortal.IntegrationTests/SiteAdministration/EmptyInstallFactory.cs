using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.SiteAdministration;

/// <summary>The portal as a newsroom first starts it: no demo content, uploads in the test's own folder.</summary>
public class EmptyInstallFactory : PortalFactory
{
    public string MediaFolder => Path.Combine(DataFolder, "media");

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Database:SeedDemoContent", "false"),
        new("Media:Folder", MediaFolder),
    ];
}
