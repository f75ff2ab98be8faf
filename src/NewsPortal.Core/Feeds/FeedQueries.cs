using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Data;
using NewsPortal.Core.Topics;

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
    string Language = ArticleLanguage.English,
    MediaImage? CoverImage = null,
    string? CoverAddress = null,
    string? CoverCaption = null);

/// <summary>One article URL in a sitemap.</summary>
public sealed record SitemapEntry(string Slug, DateTime LastModified);

/// <summary>One article in the news sitemap.</summary>
public sealed record NewsSitemapEntry(string Slug, string Headline, DateTime PublishedAt, string Language = ArticleLanguage.English, MediaImage? CoverImage = null, string? CoverAddress = null);

/// <summary>A section with the time of its newest visible article (null when it has none).</summary>
public sealed record SectionSitemapEntry(string Slug, DateTime? LastPublished);

/// <summary>Read-side queries for feeds and sitemaps; only what readers may see (<see cref="ArticleQueries.Visible"/>).</summary>
public sealed class FeedQueries(NewsDbContext db, ArticleQueries articles, TimeProvider clock)
{
    public Task<Section?> SectionAsync(string slug, CancellationToken ct = default) =>
        db.Sections.AsNoTracking().FirstOrDefaultAsync(s => s.Slug == slug, ct);

    /// <summary>The current slug of the section that once had <paramref name="oldSlug"/>; null when none did.</summary>
    public Task<string?> SectionMovedToAsync(string oldSlug, CancellationToken ct = default) =>
        db.SectionSlugs.AsNoTracking().Where(s => s.Slug == oldSlug).Select(s => s.Section!.Slug).FirstOrDefaultAsync(ct);

    /// <summary>The newest visible articles, site-wide or in one section; in one language when <paramref name="language"/> is given.</summary>
    public Task<IReadOnlyList<FeedEntry>> LatestAsync(int count, int? sectionId = null, string? language = null, CancellationToken ct = default)
    {
        var query = articles.Visible();
        if (language is not null)
        {
            query = query.Where(a => a.Language == language);
        }

        if (sectionId is { } id)
        {
            query = query.Where(a => a.SectionId == id);
        }

        return EntriesAsync(count, query, ct);
    }

    /// <summary>The newest visible articles of a special topic.</summary>
    public Task<IReadOnlyList<FeedEntry>> TopicLatestAsync(int count, int topicId, CancellationToken ct = default) =>
        EntriesAsync(count, articles.Visible().Where(a => db.TopicArticles.Any(m => m.TopicId == topicId && m.ArticleId == a.Id)), ct);

    /// <summary>Every special topic's page, for the sitemap.</summary>
    public Task<List<TopicSitemapEntry>> TopicsAsync(CancellationToken ct = default) =>
        db.Topics.AsNoTracking().OrderBy(t => t.Id).Select(t => new TopicSitemapEntry(t.Slug, t.UpdatedAt)).ToListAsync(ct);

    private static async Task<IReadOnlyList<FeedEntry>> EntriesAsync(int count, IQueryable<Article> query, CancellationToken ct)
    {
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
                a.Language,
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
            .Select(a => new NewsSitemapEntry(a.Slug, a.Headline, a.PublishedAt!.Value, a.Language, a.CoverImage, a.CoverImageUrl))
            .ToListAsync(ct);
    }
}
