using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Architecture;

/// <summary>
/// Reader pages that miss the output cache spend most of their time in Razor, so the reader views stay clear of the
/// Razor features that cost the most per request for what they give: a tag helper for every "~/" address, a partial
/// for every article card, and the head and body tag helpers that buffer the whole page (see README, Benchmark).
/// </summary>
[Trait(DatabaseTrait.Name, DatabaseTrait.ProviderIndependent)]
public sealed class KeepingReaderPagesLight
{
    private static readonly string Features = Path.Combine(RepositoryRoot(), "src", "NewsPortal.Web", "Features");

    [Fact]
    public void Reader_views_write_addresses_from_the_path_base_not_with_a_tag_helper()
    {
        var views = ReaderViews();
        var found = views
            .SelectMany(v => File.ReadAllLines(v).Select((line, i) => (View: v, Line: i + 1, Text: line)))
            .Where(l => l.Text.Contains("=\"~/", StringComparison.Ordinal))
            .Select(l => $"{Path.GetRelativePath(Features, l.View)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(views.Count > 15, "the reader views were not found");
        Assert.True(found.Count == 0, "Addresses written \"~/…\" (use @root/… instead):\n" + string.Join("\n", found));
    }

    [Fact]
    public void Article_cards_are_rendered_a_list_at_a_time()
    {
        var perCard = ReaderViews()
            .Where(v => File.ReadAllText(v).Contains("<partial name=\"_ArticleCard\"", StringComparison.Ordinal))
            .Select(v => Path.GetRelativePath(Features, v))
            .ToList();

        Assert.True(File.Exists(Path.Combine(Features, "Shared", "_ArticleCards.cshtml")));
        Assert.Empty(perCard);
    }

    [Fact]
    public void The_head_and_body_tag_helpers_are_removed()
    {
        var imports = File.ReadAllText(Path.Combine(Features, "_ViewImports.cshtml"));

        Assert.Contains("@removeTagHelper Microsoft.AspNetCore.Mvc.Razor.TagHelpers.HeadTagHelper", imports, StringComparison.Ordinal);
        Assert.Contains("@removeTagHelper Microsoft.AspNetCore.Mvc.Razor.TagHelpers.BodyTagHelper", imports, StringComparison.Ordinal);
    }

    /// <summary>Every view a reader can be shown: all but the staff area's and the staff dashboard's components.</summary>
    private static List<string> ReaderViews() =>
        Directory.EnumerateFiles(Features, "*.cshtml", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Staff", StringComparison.Ordinal)
                && !Path.GetFileName(f).StartsWith("_Staff", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}NewsroomFigures{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}ReviewQueue{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NewsPortal.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root was not found.");
    }
}
