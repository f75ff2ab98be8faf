using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;

namespace NewsPortal.Core.Articles.Import;

/// <summary>Writes every article as "{slug}.md" in the format <see cref="ArticleImporter"/> reads.</summary>
public sealed class ArticleExporter(NewsDbContext db)
{
    private const int Batch = 200;

    public async Task<int> ExportFolderAsync(string folder, TimeZoneInfo zone, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        Directory.CreateDirectory(folder);
        var written = 0;
        var lastId = 0;
        while (true)
        {
            var articles = await db.Articles.AsNoTracking()
                .Where(a => a.Id > lastId)
                .OrderBy(a => a.Id)
                .Take(Batch)
                .Include(a => a.Section)
                .Include(a => a.Tags)
                .Include(a => a.Authors)
                .AsSplitQuery()
                .ToListAsync(ct);
            if (articles.Count == 0)
            {
                return written;
            }

            foreach (var a in articles)
            {
                var document = new ArticleDocument(
                    a.Headline,
                    a.Slug,
                    a.Section!.Slug,
                    a.Tags.OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => t.Name).ToList(),
                    a.Authors.OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => t.Name).ToList(),
                    a.Standfirst,
                    a.Status == ArticleStatus.Draft ? null : a.PublishedAt,
                    a.Status,
                    a.Source,
                    a.BodyMarkdown,
                    a.Language);
                await File.WriteAllTextAsync(Path.Combine(folder, a.Slug + ".md"), FrontMatter.Write(document, zone), ct);
                written++;
                progress?.Report(written);
            }

            lastId = articles[^1].Id;
        }
    }
}
