namespace NewsPortal.IntegrationTests.Infrastructure;

/// <summary>
/// The portal without the output cache and without reader data in memory, so every request reads the database;
/// on the run's database, or on the one named.
/// </summary>
public sealed class UncachedPortalFactory : PortalFactory
{
    private readonly string? _provider;

    public UncachedPortalFactory()
    {
    }

    // Internal: a class fixture may have only one public constructor.
    internal UncachedPortalFactory(string provider) => _provider = provider;

    public override string Provider => _provider ?? base.Provider;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
        [new("OutputCache:Enabled", "false"), new("OutputCache:DataKilobytes", "0")];
}
