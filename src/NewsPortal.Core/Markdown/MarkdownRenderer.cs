using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace NewsPortal.Core.Markdown;

/// <summary>What a Markdown document becomes: safe HTML, plain text and a reading time.</summary>
public sealed record RenderedMarkdown(string Html, string PlainText, int ReadingMinutes);

/// <summary>
/// The portal's one Markdown pipeline, built once. Raw HTML is off, attribute syntax is not enabled,
/// and link and image URLs are limited to safe schemes, so nothing written in Markdown can run as
/// script in a reader's browser.
/// </summary>
public sealed class MarkdownRenderer
{
    private static readonly string[] SafeSchemes = ["http", "https", "mailto"];

    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAbbreviations()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UseCitations()
        .UseCustomContainers()
        .UseDefinitionLists()
        .UseEmphasisExtras()
        .UseFigures()
        .UseFooters()
        .UseFootnotes()
        .UseGridTables()
        .UsePipeTables()
        .UseListExtras()
        .UseTaskLists()
        .UseAutoLinks()
        .Build();

    /// <summary>
    /// Renders <paramref name="markdown"/>, or says why it cannot be: nested too deeply, whether this renderer's
    /// own check (<see cref="MarkdownNesting"/>) or Markdig's depth limit finds it.
    /// </summary>
    public bool TryRender(string markdown, out RenderedMarkdown rendered, out string? problem, Action<MarkdownDocument>? transform = null)
    {
        rendered = new RenderedMarkdown("", "", 0);
        problem = MarkdownNesting.Problem(markdown);
        if (problem is not null)
        {
            return false;
        }

        try
        {
            rendered = Render(markdown, transform);
            return true;
        }
        catch (ArgumentException ex) when (ex.Message.Contains("depth limit", StringComparison.OrdinalIgnoreCase))
        {
            problem = MarkdownNesting.TooDeep;
            return false;
        }
    }

    /// <summary>Renders <paramref name="markdown"/>; <paramref name="transform"/> may replace blocks first (library media).</summary>
    public RenderedMarkdown Render(string? markdown, Action<MarkdownDocument>? transform = null)
    {
        markdown = Normalize(markdown);
        var document = Markdig.Markdown.Parse(markdown, _pipeline);
        transform?.Invoke(document);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafeUrl(link.Url))
            {
                link.Url = "#";
            }

            if (link.IsImage)
            {
                link.GetAttributes().AddPropertyIfNotExist("loading", "lazy");
            }
        }

        foreach (var autolink in document.Descendants<AutolinkInline>())
        {
            if (!autolink.IsEmail && !IsSafeUrl(autolink.Url))
            {
                autolink.Url = "#";
            }
        }

        foreach (var table in document.Descendants<Table>())
        {
            AlignWithClasses(table);
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        _pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();

        var text = Markdig.Markdown.ToPlainText(markdown, _pipeline).Trim();
        return new RenderedMarkdown(writer.ToString(), text, ReadingTime.Minutes(text));
    }

    /// <summary>Drops NUL and other control characters (keeping tabs and line breaks), and bidi override controls.</summary>
    public static string Normalize(string? markdown)
    {
        if (string.IsNullOrEmpty(markdown))
        {
            return "";
        }

        var builder = new System.Text.StringBuilder(markdown.Length);
        foreach (var c in markdown)
        {
            if (c == '\n' || c == '\t' || !(char.IsControl(c) || Text.PlainText.IsBidiControl(c)))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Markdig writes column alignment and widths as style attributes, which the site's Content-Security-Policy
    /// (style-src 'self') blocks. Alignment becomes a class on each cell instead (align-left, align-center,
    /// align-right in site.css), and widths are left to the browser.
    /// </summary>
    private static void AlignWithClasses(Table table)
    {
        var columns = table.ColumnDefinitions;
        foreach (var row in table.OfType<TableRow>())
        {
            for (var i = 0; i < row.Count; i++)
            {
                if (row[i] is not TableCell cell)
                {
                    continue;
                }

                var column = cell.ColumnIndex < 0 || cell.ColumnIndex >= columns.Count ? i : cell.ColumnIndex;
                if (column < columns.Count && columns[column].Alignment is { } alignment)
                {
                    cell.GetAttributes().AddClass("align-" + alignment.ToString().ToLowerInvariant());
                }
            }
        }

        foreach (var column in columns)
        {
            column.Alignment = null;
            column.Width = 0;
        }
    }

    internal static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return true;
        }

        var trimmed = new string(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return true;
        }

        // A colon after a path, query or fragment character is not a scheme separator.
        var slash = trimmed.IndexOfAny(['/', '?', '#']);
        if (slash >= 0 && slash < colon)
        {
            return true;
        }

        var scheme = trimmed[..colon];
        return SafeSchemes.Contains(scheme, StringComparer.OrdinalIgnoreCase);
    }
}
