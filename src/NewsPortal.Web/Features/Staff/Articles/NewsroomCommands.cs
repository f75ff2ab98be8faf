using System.Diagnostics;
using System.Globalization;
using NewsPortal.Core.Articles.Import;
using NewsPortal.Web.Platform.Caching;
using NewsPortal.Web.Platform.Site;
using Spectre.Console;

namespace NewsPortal.Web.Features.Staff.Articles;

/// <summary>
/// <c>import FOLDER</c> and <c>export FOLDER</c>: Markdown files with YAML front matter in and out, with a
/// progress bar and a summary. Import exits 1 when a file was refused, 2 on a usage error.
/// </summary>
public static class NewsroomCommands
{
    public static async Task<int> ImportAsync(IServiceProvider services, string folder, IAnsiConsole console, CancellationToken ct = default)
    {
        var path = FromCaller(folder);
        if (!Directory.Exists(path))
        {
            console.MarkupLine($"[red]No such folder:[/] {Markup.Escape(path)}");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<ArticleImporter>();
        var zone = scope.ServiceProvider.GetRequiredService<SiteTime>().Zone;
        var files = ArticleImporter.FilesIn(path).Count;
        console.MarkupLine($"Importing {files} Markdown file{(files == 1 ? "" : "s")} from {Markup.Escape(path)}");

        var watch = Stopwatch.StartNew();
        ImportReport report = null!;
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Importing", maxValue: Math.Max(files, 1));
                report = await importer.ImportFolderAsync(path, zone, new InlineProgress<ImportOutcome>(_ => task.Increment(1)), ct);
                task.Value = task.MaxValue;
            });
        watch.Stop();

        var table = new Table().AddColumn("Result").AddColumn(new TableColumn("Files").RightAligned());
        table.AddRow("Created", report.Created.ToString(CultureInfo.InvariantCulture));
        table.AddRow("Updated", report.Updated.ToString(CultureInfo.InvariantCulture));
        table.AddRow("Unchanged", report.Unchanged.ToString(CultureInfo.InvariantCulture));
        table.AddRow("Refused", report.Refused.ToString(CultureInfo.InvariantCulture));
        console.Write(table);

        foreach (var refused in report.Outcomes.Where(o => o.Result == ImportResult.Refused))
        {
            console.MarkupLine($"[red]Refused[/] {Markup.Escape(refused.File)}: {Markup.Escape(refused.Reason ?? "")}");
        }

        var seconds = Math.Max(watch.Elapsed.TotalSeconds, 0.001);
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"{report.Outcomes.Count} files in {seconds:0.00} s ({report.Outcomes.Count / seconds:0} files per second)."));
        return report.Refused > 0 ? 1 : 0;
    }

    public static async Task<int> ExportAsync(IServiceProvider services, string folder, IAnsiConsole console, CancellationToken ct = default)
    {
        var path = FromCaller(folder);
        await using var scope = services.CreateAsyncScope();
        var exporter = scope.ServiceProvider.GetRequiredService<ArticleExporter>();
        var zone = scope.ServiceProvider.GetRequiredService<SiteTime>().Zone;
        var count = 0;
        await console.Status().StartAsync("Exporting articles", async context =>
        {
            count = await exporter.ExportFolderAsync(path, zone, new InlineProgress<int>(n => context.Status($"Exported {n} articles")), ct);
        });
        console.MarkupLine($"Exported {count} article{(count == 1 ? "" : "s")} to {Markup.Escape(path)}");
        return 0;
    }

    /// <summary>
    /// A relative folder is taken from where the command was typed: `dotnet run --project` starts the app in
    /// the project folder, but keeps the shell's PWD.
    /// </summary>
    public static string FromCaller(string folder)
    {
        if (Path.IsPathRooted(folder))
        {
            return Path.GetFullPath(folder);
        }

        var caller = Environment.GetEnvironmentVariable("PWD");
        return Path.GetFullPath(Path.Combine(caller is { Length: > 0 } && Directory.Exists(caller) ? caller : Environment.CurrentDirectory, folder));
    }

    /// <summary>Reports on the calling thread, so the progress bar is up to date when the work ends.</summary>
    private sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
