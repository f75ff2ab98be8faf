using NewsPortal.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace NewsPortal.IntegrationTests.Architecture;

/// <summary>
/// The web project's folders use each other one way only: features use Platform (the code every feature
/// shares) and Core; Platform never uses a feature or Setup; only Setup and Program compose. Read from the
/// compiled assembly, so no use escapes by a fully qualified name.
/// </summary>
[Trait(DatabaseTrait.Name, DatabaseTrait.ProviderIndependent)]
public sealed class KeepingTheWebProjectInLayers(ITestOutputHelper output)
{
    private static readonly Dictionary<string, HashSet<string>> Graph = WebDependencies.Read(typeof(Program).Assembly);

    [Fact]
    public void No_folder_depends_on_itself_through_others()
    {
        foreach (var (from, to) in Graph.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{from} -> {string.Join(", ", to.Order(StringComparer.Ordinal))}");
        }

        var cycles = WebDependencies.Cycles(Graph);
        Assert.True(cycles.Count == 0, "Folders in a cycle: " + string.Join("; ", cycles.Select(c => string.Join(" <-> ", c.Order(StringComparer.Ordinal)))));
    }

    [Fact]
    public void Platform_uses_no_feature_and_no_setup()
    {
        var wrong = Graph.Where(e => e.Key.StartsWith("Platform", StringComparison.Ordinal))
            .SelectMany(e => e.Value.Where(to => to.StartsWith("Features", StringComparison.Ordinal) || to.StartsWith("Setup", StringComparison.Ordinal) || to == "(root)")
                .Select(to => $"{e.Key} -> {to}"))
            .ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void Only_setup_and_the_entry_point_use_setup()
    {
        var wrong = Graph.Where(e => e.Key != "(root)" && !e.Key.StartsWith("Setup", StringComparison.Ordinal))
            .SelectMany(e => e.Value.Where(to => to.StartsWith("Setup", StringComparison.Ordinal)).Select(to => $"{e.Key} -> {to}"))
            .ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void The_reading_sees_known_uses()
    {
        // A check on the reader itself: uses it must find, through a using, a page model and a compiled view.
        Assert.Contains("Platform.Caching", Graph["Features.Home"]);
        Assert.Contains("Features.Staff.Articles", Graph["Setup"]);
        Assert.Contains("Platform.Site", Graph["Features.Shared"]);
    }
}
