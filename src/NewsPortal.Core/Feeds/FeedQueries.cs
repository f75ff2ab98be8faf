using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Data;

namespace NewsPortal.Core.Feeds;

/// <summary>An article as a feed shows it.</summary>
public sealed record FeedEntry(
    int Id,
    string Headline,
    string Slug,
    string Standfirst,
    DateTime PublishedAt,
    DateTime UpdatedAt,
    string SectionName,
    string SectionSlug,
    IReadOnlyList<NamedLink> Authors,
    IReadOnlyList<string> Tags,
    MediaImage? CoverImage = null,
    string? CoverAddress = null,
    string? CoverCaption = null);

/// <summary>One article URL in a sitemap.</summary>
public sealed record SitemapEntry(string Slug, DateTime LastModified);

/// <summary>One article in the news sitemap.</summary>
public sealed record NewsSitemapEntry(string Slug, string Headline, DateTime PublishedAt, MediaImage? CoverImage = null, string? CoverAddress = null);

/// <summary>A section with the time of its newest visible article (null when it has none).</summary>
public sealed record SectionSitemapEntry(string Slug, DateTime? LastPublished);

/// <summary>Read-side queries for feeds and sitemaps; only what readers may see (<see cref="ArticleQueries.Visible"/>).</summary>
public sealed class FeedQueries(NewsDbContext db, ArticleQueries articles, TimeProvider clock)
{
    public Task<Section?> SectionAsync(string slug, CancellationToken ct = default) =>
        db.Sections.AsNoTracking().FirstOrDefaultAsync(s => s.Slug == slug, ct);

    /// <summary>The newest visible articles, site-wide or in one section.</summary>
    public async Task<IReadOnlyList<FeedEntry>> LatestAsync(int count, int? sectionId = null, CancellationToken ct = default)
    {
        var query = articles.Visible();
        if (sectionId is { } id)
        {
            query = query.Where(a => a.SectionId == id);
        }

        return await query
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Take(count)
            .Select(a => new FeedEntry(
                a.Id,
                a.Headline,
                a.Slug,
                a.Standfirst,
                a.PublishedAt!.Value,
                a.UpdatedAt,
                a.Section!.Name,
                a.Section.Slug,
                a.Authors.OrderBy(t => t.Name).Select(t => new NamedLink(t.Name, t.Slug)).ToList(),
                a.Tags.OrderBy(t => t.Name).Select(t => t.Name).ToList(),
                a.CoverImage,
                a.CoverImageUrl,
                a.CoverCaption))
            .AsSplitQuery()
            .ToListAsync(ct);
    }

    public Task<int> VisibleCountAsync(CancellationToken ct = default) => articles.Visible().CountAsync(ct);

    /// <summary>One page of every visible article, oldest first, so that page boundaries move little as articles are added.</summary>
    public async Task<IReadOnlyList<SitemapEntry>> ArticlePageAsync(int page, int pageSize, CancellationToken ct = default) =>
        await articles.Visible()
            .OrderBy(a => a.Id)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(a => new SitemapEntry(a.Slug, a.UpdatedAt > a.PublishedAt!.Value ? a.UpdatedAt : a.PublishedAt.Value))
            .ToListAsync(ct);

    public async Task<IReadOnlyList<SectionSitemapEntry>> SectionsAsync(CancellationToken ct = default)
    {
        var latest = await articles.Visible()
            .GroupBy(a => a.SectionId)
            .Select(g => new { SectionId = g.Key, Latest = g.Max(a => a.PublishedAt) })
            .ToDictionaryAsync(x => x.SectionId, x => x.Latest, ct);
        var sections = await db.Sections.AsNoTracking().OrderBy(s => s.SortOrder).ThenBy(s => s.Name).Select(s => new { s.Id, s.Slug }).ToListAsync(ct);
        return sections.Select(s => new SectionSitemapEntry(s.Slug, latest.GetValueOrDefault(s.Id))).ToList();
    }

    /// <summary>Visible articles published within <paramref name="window"/> of now, newest first.</summary>
    public async Task<IReadOnlyList<NewsSitemapEntry>> RecentAsync(TimeSpan window, int max, CancellationToken ct = default)
    {
        var since = clock.GetUtcNow().UtcDateTime - window;
        return await articles.Visible()
            .Where(a => a.PublishedAt >= since)
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Take(max)
            .Select(a => new NewsSitemapEntry(a.Slug, a.Headline, a.PublishedAt!.Value, a.CoverImage, a.CoverImageUrl))
            .ToListAsync(ct);
    }
}
