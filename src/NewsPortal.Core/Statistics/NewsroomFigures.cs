using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Data;
using NewsPortal.Core.Messages;
using NewsPortal.Core.Review;

namespace NewsPortal.Core.Statistics;

public sealed record DayCount(DateOnly Day, long Count);

public sealed record ArticleViews(int ArticleId, string Headline, string Slug, long Views);

public sealed record SectionDays(string Section, IReadOnlyList<DayCount> Days);

public sealed record MessageDay(DateOnly Day, int Received, int Handled);

public sealed record WaitingArticle(int Id, string Headline, DateTime? At, string? Owner);

public sealed record QueryCount(string Query, long Count);

/// <summary>Everything the newsroom dashboard shows, for the last <see cref="NewsroomFigures.Days"/> days up to <see cref="Today"/>.</summary>
public sealed record FiguresSnapshot(
    DateOnly Today,
    IReadOnlyList<DayCount> ViewsPerDay,
    IReadOnlyList<ArticleViews> MostReadToday,
    IReadOnlyList<ArticleViews> MostReadWeek,
    IReadOnlyList<ArticleViews> MostReadMonth,
    IReadOnlyList<SectionDays> PublishedPerDay,
    IReadOnlyList<MessageDay> MessagesPerDay,
    IReadOnlyList<WaitingArticle> Scheduled,
    IReadOnlyList<WaitingArticle> WaitingForReview,
    IReadOnlyList<QueryCount> TopSearches,
    IReadOnlyList<QueryCount> FoundNothing);

/// <summary>Reads the dashboard's figures: per-day counts by the site's local day.</summary>
public sealed class NewsroomFigures(NewsDbContext db)
{
    public const int Days = 30;
    public const int TopCount = 10;

    public async Task<FiguresSnapshot> LoadAsync(TimeZoneInfo zone, DateTime nowUtc, CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(nowUtc, zone));
        var first = today.AddDays(1 - Days);
        var firstUtc = TimeZoneInfo.ConvertTimeToUtc(first.ToDateTime(TimeOnly.MinValue), zone);
        var days = Enumerable.Range(0, Days).Select(first.AddDays).ToList();

        var views = await db.DailyArticleViews.AsNoTracking().Where(v => v.Day >= first)
            .GroupBy(v => v.Day).Select(g => new { Day = g.Key, Views = g.Sum(v => v.Views) }).ToListAsync(ct);
        var viewsPerDay = days.Select(d => new DayCount(d, views.FirstOrDefault(v => v.Day == d)?.Views ?? 0)).ToList();

        var published = await db.Articles.AsNoTracking()
            .Where(a => (a.Status == ArticleStatus.Published || a.Status == ArticleStatus.Unpublished) && a.PublishedAt >= firstUtc && a.PublishedAt <= nowUtc)
            .Select(a => new { At = a.PublishedAt!.Value, Section = a.Section!.Name }).ToListAsync(ct);
        var bySection = published.GroupBy(p => p.Section).OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => new SectionDays(g.Key, days.Select(d => new DayCount(d, g.Count(p => LocalDay(p.At, zone) == d))).ToList()))
            .ToList();

        var received = await db.Messages.AsNoTracking().Where(m => m.ReceivedAt >= firstUtc && m.Status != MessageStatus.Spam)
            .Select(m => m.ReceivedAt).ToListAsync(ct);
        var handled = await db.Messages.AsNoTracking().Where(m => m.Status == MessageStatus.Handled && m.StatusChangedAt >= firstUtc)
            .Select(m => m.StatusChangedAt!.Value).ToListAsync(ct);
        var messages = days.Select(d => new MessageDay(d, received.Count(r => LocalDay(r, zone) == d), handled.Count(h => LocalDay(h, zone) == d))).ToList();

        var scheduled = await db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Scheduled)
            .OrderBy(a => a.PublishedAt).Take(50).Select(a => new WaitingArticle(a.Id, a.Headline, a.PublishedAt, null)).ToListAsync(ct);
        var waiting = await (from r in db.ArticleReviews.AsNoTracking()
                             join a in db.Articles.AsNoTracking() on r.ArticleId equals a.Id
                             where r.State == ReviewState.Submitted && a.Status == ArticleStatus.Draft
                             orderby r.SubmittedAt
                             select new WaitingArticle(a.Id, a.Headline, r.SubmittedAt, r.OwnerName)).Take(50).ToListAsync(ct);

        var searches = db.DailySearches.AsNoTracking().Where(s => s.Day >= first).GroupBy(s => s.Query);
        var top = await searches.Select(g => new { Query = g.Key, Count = g.Sum(s => s.Searches) })
            .OrderByDescending(q => q.Count).ThenBy(q => q.Query).Take(TopCount).ToListAsync(ct);
        var nothing = await searches.Select(g => new { Query = g.Key, Count = g.Sum(s => s.FoundNothing) }).Where(q => q.Count > 0)
            .OrderByDescending(q => q.Count).ThenBy(q => q.Query).Take(TopCount).ToListAsync(ct);

        return new FiguresSnapshot(
            today,
            viewsPerDay,
            await MostReadAsync(today, today, ct),
            await MostReadAsync(today.AddDays(-6), today, ct),
            await MostReadAsync(first, today, ct),
            bySection,
            messages,
            scheduled,
            waiting,
            top.Select(q => new QueryCount(q.Query, q.Count)).ToList(),
            nothing.Select(q => new QueryCount(q.Query, q.Count)).ToList());
    }

    private async Task<IReadOnlyList<ArticleViews>> MostReadAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var top = await db.DailyArticleViews.AsNoTracking().Where(v => v.Day >= from && v.Day <= to)
            .GroupBy(v => v.ArticleId).Select(g => new { ArticleId = g.Key, Views = g.Sum(v => v.Views) })
            .OrderByDescending(v => v.Views).ThenBy(v => v.ArticleId).Take(TopCount).ToListAsync(ct);
        var ids = top.Select(t => t.ArticleId).ToList();
        var names = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Headline, a.Slug }).ToDictionaryAsync(a => a.Id, ct);
        return top.Where(t => names.ContainsKey(t.ArticleId))
            .Select(t => new ArticleViews(t.ArticleId, names[t.ArticleId].Headline, names[t.ArticleId].Slug, t.Views)).ToList();
    }

    private static DateOnly LocalDay(DateTime utc, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, zone));
}
