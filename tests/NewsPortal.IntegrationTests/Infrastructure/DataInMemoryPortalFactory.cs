namespace NewsPortal.IntegrationTests.Infrastructure;

/// <summary>
/// The portal with the output cache off and reader data held in memory (the default): every request renders its
/// page, from the data in memory when it is there.
/// </summary>
public sealed class DataInMemoryPortalFactory : PortalFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings() => [new("OutputCache:Enabled", "false")];
}
