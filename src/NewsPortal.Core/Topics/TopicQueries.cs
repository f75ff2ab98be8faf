using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Data;

namespace NewsPortal.Core.Topics;

/// <summary>A topic as its reader page shows it: only the member articles readers may see, in the topic's order.</summary>
public sealed record TopicPage(int Id, string Title, string Slug, string IntroMarkdown, string IntroHtml, MediaImage? Cover, bool IsOpen, DateTime UpdatedAt, IReadOnlyList<ArticleCard> Articles);

/// <summary>A topic's name and address.</summary>
public sealed record TopicSummary(int Id, string Title, string Slug);

/// <summary>A topic in the /topics index.</summary>
public sealed record TopicEntry(string Title, string Slug, MediaImage? Cover, bool IsOpen, int Articles);

/// <summary>A topic page in the sitemap.</summary>
public sealed record TopicSitemapEntry(string Slug, DateTime UpdatedAt);

/// <summary>Reader queries for special topics.</summary>
public sealed class TopicQueries(NewsDbContext db, ArticleQueries articles)
{
    /// <summary>Topics with at least one article readers may see, most recently changed first.</summary>
    public async Task<List<TopicEntry>> IndexAsync(CancellationToken ct = default)
    {
        var visible = articles.Visible();
        return (await db.Topics.AsNoTracking()
            .Select(t => new { t.Title, t.Slug, t.CoverImage, t.IsOpen, t.UpdatedAt, Count = t.Articles.Count(m => visible.Any(a => a.Id == m.ArticleId)) })
            .Where(t => t.Count > 0)
            .OrderByDescending(t => t.UpdatedAt)
            .ToListAsync(ct))
            .Select(t => new TopicEntry(t.Title, t.Slug, t.CoverImage, t.IsOpen, t.Count))
            .ToList();
    }

    public async Task<TopicPage?> TopicAsync(string slug, CancellationToken ct = default)
    {
        var topic = await db.Topics.AsNoTracking().Include(t => t.CoverImage).FirstOrDefaultAsync(t => t.Slug == slug, ct);
        if (topic is null)
        {
            return null;
        }

        var order = await db.TopicArticles.AsNoTracking().Where(m => m.TopicId == topic.Id)
            .OrderBy(m => m.Position).Select(m => m.ArticleId).ToListAsync(ct);
        var cards = (await articles.Visible().Where(a => order.Contains(a.Id)).Select(ArticleQueries.ToCard).ToListAsync(ct))
            .OrderBy(c => order.IndexOf(c.Id)).ToList();
        return new TopicPage(topic.Id, topic.Title, topic.Slug, topic.IntroMarkdown, topic.IntroHtml, topic.CoverImage, topic.IsOpen, topic.UpdatedAt, cards);
    }

    /// <summary>A topic's id, title and slug, for its feeds; null when there is no such topic.</summary>
    public Task<TopicSummary?> SummaryAsync(string slug, CancellationToken ct = default) =>
        db.Topics.AsNoTracking().Where(t => t.Slug == slug).Select(t => new TopicSummary(t.Id, t.Title, t.Slug)).FirstOrDefaultAsync(ct);

    /// <summary>The topics an article is part of, for its "Part of" link.</summary>
    public Task<List<NamedLink>> TopicsOfAsync(int articleId, CancellationToken ct = default) =>
        db.TopicArticles.AsNoTracking().Where(m => m.ArticleId == articleId)
            .OrderBy(m => m.Topic!.Title)
            .Select(m => new NamedLink(m.Topic!.Title, m.Topic.Slug))
            .ToListAsync(ct);
}
