namespace NewsPortal.BrowserTests.Infrastructure;

/// <summary>The portal as a newsroom first starts it: no demo content; uploads in the server's own folder.</summary>
public sealed class EmptyPortalServer : PortalServer
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings() =>
    [
        new("Database:SeedDemoContent", "false"),
        new("Media:Folder", Path.Combine(DataFolder, "media")),
    ];
}
