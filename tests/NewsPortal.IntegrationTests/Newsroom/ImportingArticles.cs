using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Features.Staff.Articles;
using Spectre.Console;
using Xunit.Abstractions;

namespace NewsPortal.IntegrationTests.Newsroom;

public sealed class ImportingArticles(NewsroomFactory factory, ITestOutputHelper log) : IClassFixture<NewsroomFactory>
{
    private static readonly string[] SampleSlugs =
    [
        "river-ferries-add-evening-crossings",
        "hotpot-festival-returns-to-the-riverside-with-120-stalls",
        "technology-park-opens-western-district",
        "marathon-route-to-cross-two-bridges-next-spring",
    ];

    private static string SampleFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NewsPortal.sln")))
            {
                return Path.Combine(dir.FullName, "samples", "import");
            }
        }

        throw new InvalidOperationException("The repository root was not found.");
    }

    private async Task<(int ExitCode, string Output)> RunAsync(Func<IServiceProvider, string, IAnsiConsole, CancellationToken, Task<int>> command, string folder)
    {
        using var console = new CommandConsole(width: 200);
        var exit = await command(factory.Services, folder, console.Console, CancellationToken.None);
        return (exit, console.Output);
    }

    private static string Count(string output, string label) =>
        output.Split('\n').Single(l => l.Contains($" {label} ", StringComparison.Ordinal)).Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[1];

    [Fact]
    public async Task Importing_the_sample_folder_creates_its_articles_refuses_the_bad_file_and_a_second_run_changes_nothing()
    {
        var (exit, first) = await RunAsync(NewsroomCommands.ImportAsync, SampleFolder());

        Assert.Equal(1, exit);
        Assert.Equal("4", Count(first, "Created"));
        Assert.Equal("1", Count(first, "Refused"));
        Assert.Contains("invalid-unknown-section.md: unknown section \"weather\"", first);
        var reader = factory.CreateBrowserClient();
        var (ferry, ferryPage) = await Html.GetAsync(reader, "/article/river-ferries-add-evening-crossings");
        Html.AssertStatus(ferry, HttpStatusCode.OK);
        Assert.Equal("2026-11-20T08:30:00+08:00", ferryPage.QuerySelector(".meta time")!.GetAttribute("datetime"));
        Assert.NotEmpty(ferryPage.QuerySelectorAll(".article-body table"));
        Assert.Contains("Chen Jing", ferryPage.Text(".byline"));
        Html.AssertStatus(await reader.GetAsync("/article/marathon-route-to-cross-two-bridges-next-spring"), HttpStatusCode.NotFound);
        var before = await factory.WithDbAsync(db => db.Articles.Where(a => SampleSlugs.Contains(a.Slug))
            .Select(a => new { a.Slug, a.UpdatedAt, Revisions = a.Revisions.Count }).OrderBy(a => a.Slug).ToListAsync());
        Assert.Equal(4, before.Count);

        var (_, second) = await RunAsync(NewsroomCommands.ImportAsync, SampleFolder());

        Assert.Equal("0", Count(second, "Created"));
        Assert.Equal("0", Count(second, "Updated"));
        Assert.Equal("4", Count(second, "Unchanged"));
        var after = await factory.WithDbAsync(db => db.Articles.Where(a => SampleSlugs.Contains(a.Slug))
            .Select(a => new { a.Slug, a.UpdatedAt, Revisions = a.Revisions.Count }).OrderBy(a => a.Slug).ToListAsync());
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task A_changed_file_updates_its_article_and_adds_a_revision()
    {
        var folder = Path.Combine(factory.DataFolder, "changed-import");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "story.md");
        await File.WriteAllTextAsync(file, "---\nheadline: Cable car fares explained\nsection: city\npublished: 2026-11-01 09:00\n---\nA ride costs 20 yuan.\n");
        await RunAsync(NewsroomCommands.ImportAsync, folder);

        await File.WriteAllTextAsync(file, "---\nheadline: Cable car fares explained\nsection: city\npublished: 2026-11-01 09:00\n---\nA ride costs 25 yuan from December.\n");
        var (exit, output) = await RunAsync(NewsroomCommands.ImportAsync, folder);

        Assert.Equal(0, exit);
        Assert.Equal("1", Count(output, "Updated"));
        Assert.Contains("25 yuan", (await Html.GetAsync(factory.CreateBrowserClient(), "/article/cable-car-fares-explained")).Document.Text(".article-body"));
        Assert.Equal(2, await factory.WithDbAsync(db => db.ArticleRevisions.CountAsync(r => r.Article!.Slug == "cable-car-fares-explained")));
    }

    [Fact]
    public async Task Exporting_every_article_and_importing_the_files_again_changes_nothing()
    {
        var folder = Path.Combine(factory.DataFolder, "export");

        var (exported, exportOutput) = await RunAsync(NewsroomCommands.ExportAsync, folder);
        var (_, output) = await RunAsync(NewsroomCommands.ImportAsync, folder);

        Assert.Equal(0, exported);
        var articles = await factory.WithDbAsync(db => db.Articles.CountAsync());
        Assert.Contains($"Exported {articles} articles", exportOutput);
        Assert.Equal(articles, Directory.GetFiles(folder, "*.md").Length);
        Assert.Equal(articles.ToString(CultureInfo.InvariantCulture), Count(output, "Unchanged"));
        Assert.Equal("0", Count(output, "Refused"));
    }

    [Fact]
    public async Task A_thousand_generated_files_are_all_imported()
    {
        var folder = Path.Combine(factory.DataFolder, "thousand");
        Directory.CreateDirectory(folder);
        var sections = new[] { "city", "business", "culture", "travel", "science-tech", "sport", "opinion" };
        for (var i = 0; i < 1000; i++)
        {
            var published = new DateTime(2026, 1, 1, 8, 0, 0).AddHours(i * 7);
            await File.WriteAllTextAsync(Path.Combine(folder, $"generated-{i:D4}.md"), string.Create(CultureInfo.InvariantCulture, $"""
                ---
                headline: Generated story number {i} about the city
                section: {sections[i % sections.Length]}
                tags: [generated, batch {i % 20}]
                authors: [Reporter {i % 15}]
                standfirst: A generated standfirst for story {i}.
                published: {published:yyyy-MM-dd HH:mm}
                ---
                ## Story {i}

                Paragraph one of story {i}, with **bold** text and a [link](https://example.org/{i}).

                - point one
                - point two

                Paragraph two: {string.Join(' ', Enumerable.Repeat("words", 150))}.
                """));
        }

        var watch = Stopwatch.StartNew();
        var (_, output) = await RunAsync(NewsroomCommands.ImportAsync, folder);
        watch.Stop();

        Assert.Equal("1000", Count(output, "Created"));
        Assert.Equal("0", Count(output, "Refused"));
        Assert.Equal(1000, await factory.WithDbAsync(db => db.Articles.CountAsync(a => a.Tags.Any(t => t.Slug == "generated"))));
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Imported 1,000 files in {watch.Elapsed.TotalSeconds:0.0} s: {1000 / watch.Elapsed.TotalSeconds:0} articles per second"));
    }
}
