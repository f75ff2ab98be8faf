using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Articles.Listings;
using NewsPortal.Core.Data;

namespace NewsPortal.Core.Articles;

/// <summary>Read-side queries for reader pages: projections only, no tracking.</summary>
public sealed class ArticleQueries(
    NewsDbContext db, TimeProvider clock, ListingPositions positions, ArticlePageQueries compiled, HomePageQueries home)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public IQueryable<Article> Visible()
    {
        var now = Now;
        return Published().Where(a => a.PublishedAt <= now);
    }

    /// <summary>Published articles, including any whose publication time is still to come.</summary>
    private IQueryable<Article> Published() => db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Published);

    internal static readonly Expression<Func<Article, ArticleCard>> ToCard = a => new ArticleCard(
        a.Id,
        a.Headline,
        a.Slug,
        a.Standfirst,
        a.PublishedAt!.Value,
        a.Section!.Name,
        a.Section.Slug,
        a.CoverImage != null ? new MediaFile(a.CoverImage.StorageName, a.CoverImage.Extension, a.CoverImage.Widths, a.CoverImage.HasWebp) : null,
        a.CoverImageUrl,
        a.CoverCaption,
        a.ReadingMinutes);

    /// <summary>A card with its article's body text beside it, in one statement (search builds its snippets from the body).</summary>
    internal static readonly Expression<Func<Article, CardAndBody>> ToCardAndBody = Expression.Lambda<Func<Article, CardAndBody>>(
        Expression.New(
            typeof(CardAndBody).GetConstructor([typeof(ArticleCard), typeof(string)])!,
            ToCard.Body,
            Expression.Property(ToCard.Parameters[0], nameof(Article.BodyText))),
        ToCard.Parameters);

    private static IQueryable<Article> Newest(IQueryable<Article> q) =>
        q.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id);

    private Task<HeldConnection> HoldConnectionAsync(CancellationToken ct) => HeldConnection.OpenAsync(db, ct);

    public async Task<HomePage> HomeAsync(CancellationToken ct = default)
    {
        await using var connection = await HoldConnectionAsync(ct);
        var now = Now;
        var picks = await db.FrontPagePicks.AsNoTracking().ToListAsync(ct);
        var picked = await PickedCardsAsync(picks.Select(p => p.ArticleId), ct);
        var homePicks = picks.Where(p => p.SectionId is null).OrderBy(p => p.Position).ToList();
        var featured = homePicks.Where(p => p.Position > 0).Select(p => picked.GetValueOrDefault(p.ArticleId)).OfType<ArticleCard>().ToList();

        // Enough of the newest to fill "Latest" once the chosen stories are left out of it.
        var latest = await home.Latest(db, now, 11 + homePicks.Count).ToListAsync(ct);
        var lead = homePicks.FirstOrDefault(p => p.Position == 0) is { } leadPick && picked.GetValueOrDefault(leadPick.ArticleId) is { } chosen
            ? chosen
            : latest.FirstOrDefault(a => featured.All(f => f.Id != a.Id));
        var rest = latest.Where(a => a.Id != lead?.Id && featured.All(f => f.Id != a.Id)).Take(10).ToList();

        var sections = await home.Sections(db).ToListAsync(ct);
        var blocks = new List<SectionBlock>(sections.Count);
        foreach (var section in sections)
        {
            var cards = await home.LatestInSection(db, now, section.Id, 4).ToListAsync(ct);
            if (picks.FirstOrDefault(p => p.SectionId == section.Id) is { } sectionPick
                && picked.GetValueOrDefault(sectionPick.ArticleId) is { } sectionLead && sectionLead.SectionSlug == section.Slug)
            {
                cards = [sectionLead, .. cards.Where(c => c.Id != sectionLead.Id).Take(3)];
            }

            if (cards.Count > 0)
            {
                blocks.Add(new SectionBlock(section, cards));
            }
        }

        var mostRead = await home.MostRead(db, now, 5).ToListAsync(ct);
        return new HomePage(lead, rest, blocks, mostRead) { Featured = featured };
    }

    /// <summary>The lead an editor chose for a section, while it is published in that section; null otherwise.</summary>
    public async Task<ArticleCard?> SectionLeadAsync(int sectionId, CancellationToken ct = default)
    {
        var now = Now;
        return await db.FrontPagePicks.AsNoTracking()
            .Where(p => p.SectionId == sectionId && p.Position == 0)
            .Join(Published().Where(a => a.PublishedAt <= now && a.SectionId == sectionId), p => p.ArticleId, a => a.Id, (p, a) => a)
            .Select(ToCard)
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>The chosen articles that readers may see, by id.</summary>
    private async Task<Dictionary<int, ArticleCard>> PickedCardsAsync(IEnumerable<int> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return wanted.Count == 0
            ? []
            : await Visible().Where(a => wanted.Contains(a.Id)).Select(ToCard).ToDictionaryAsync(c => c.Id, ct);
    }

    public async Task<Listing?> SectionAsync(string slug, int page, int pageSize = Paging.DefaultPageSize, CancellationToken ct = default)
    {
        await using var connection = await HoldConnectionAsync(ct);
        var section = await db.Sections.AsNoTracking().FirstOrDefaultAsync(s => s.Slug == slug, ct);
        if (section is null)
        {
            return null;
        }

        var items = await PageAsync(new ListingKey("section", section.Id), Published().Where(a => a.SectionId == section.Id), page, pageSize, ct);
        return new Listing(section.Id, "Section", section.Name, section.Slug, section.Description, items);
    }

    public async Task<Listing?> TagAsync(string slug, int page, int pageSize = Paging.DefaultPageSize, CancellationToken ct = default)
    {
        await using var connection = await HoldConnectionAsync(ct);
        var tag = await db.Tags.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == slug, ct);
        if (tag is null)
        {
            return null;
        }

        // A tag that only drafts (or scheduled or withdrawn articles) use is not shown, not even its name: until
        // something published uses it, it answers like a tag that does not exist.
        var items = await PageAsync(new ListingKey("tag", tag.Id), Published().Where(a => a.Tags.Any(t => t.Id == tag.Id)), page, pageSize, ct);
        return items.Items.Count == 0 ? null : new Listing(tag.Id, "Tag", tag.Name, tag.Slug, "", items);
    }

    public async Task<Listing?> AuthorAsync(string slug, int page, int pageSize = Paging.DefaultPageSize, CancellationToken ct = default)
    {
        await using var connection = await HoldConnectionAsync(ct);
        var author = await db.Authors.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == slug, ct);
        if (author is null)
        {
            return null;
        }

        // As for tags: a byline only unpublished articles carry is not confirmed to anyone guessing it.
        var items = await PageAsync(new ListingKey("author", author.Id), Published().Where(a => a.Authors.Any(t => t.Id == author.Id)), page, pageSize, ct);
        return items.Items.Count == 0 ? null : new Listing(author.Id, "Author", author.Name, author.Slug, author.Bio, items);
    }

    /// <param name="published">The listing's published articles, without the "published by now" bound.</param>
    private async Task<ArticlePage> PageAsync(ListingKey key, IQueryable<Article> published, int page, int pageSize, CancellationToken ct)
    {
        // Ids only, on the covering listing index, then just this page's cards. Shallow pages step over the
        // earlier rows; deeper ones seek to where the page starts (see ListingPositions).
        var now = Now;
        var visible = published.Where(a => a.PublishedAt <= now);
        var position = page <= ListingPositions.DirectPages
            ? PagePosition.Unknown
            : await positions.StartOfPageAsync(db, key, visible, page, pageSize, now, ct);
        IQueryable<Article> fromStart;
        if (!position.Known)
        {
            fromStart = Newest(visible).Skip((page - 1) * pageSize);
        }
        else if (position.Start is { } start)
        {
            // A page start was visible when it was recorded, so everything from it on is visible now: the one
            // upper bound lets the database seek straight to it (with a second one on the same column, SQLite
            // would start at the newest article). The OR settles ties on the time.
            var (at, id) = (start.PublishedAt, start.Id);
            fromStart = Newest(published.Where(a => a.PublishedAt <= at && (a.PublishedAt < at || a.Id <= id)));
        }
        else
        {
            return new ArticlePage([], page, pageSize, false);
        }

        var ids = await fromStart.Take(pageSize + 1).Select(a => a.Id).ToListAsync(ct);
        var pageIds = ids.Take(pageSize).ToList();
        var items = pageIds.Count == 0
            ? []
            : await Newest(db.Articles.AsNoTracking().Where(a => pageIds.Contains(a.Id))).Select(ToCard).ToListAsync(ct);
        return new ArticlePage(items, page, pageSize, ids.Count > pageSize);
    }

    public async Task<ArticleLookup> ArticleAsync(string slug, CancellationToken ct = default)
    {
        if (!Slug.IsValid(slug))
        {
            return new ArticleLookup.NotFound();
        }

        await using var connection = await HoldConnectionAsync(ct);
        var now = Now;
        var article = await compiled.BySlug(db, slug, ct);
        if (article is null)
        {
            return await MovedAsync(slug, now, ct);
        }

        if (article.Status != ArticleStatus.Published || article.PublishedAt is not { } published || published > now)
        {
            return article.Status == ArticleStatus.Unpublished ? new ArticleLookup.Gone() : new ArticleLookup.NotFound();
        }

        var id = article.Id;
        var bylines = await compiled.TagsAndAuthors(db, id).ToListAsync(ct);
        var tags = bylines.Where(b => !b.IsAuthor).Select(b => new NamedLink(b.Name, b.Slug)).ToList();
        var authors = bylines.Where(b => b.IsAuthor).Select(b => new NamedLink(b.Name, b.Slug)).ToList();
        List<ArticleCorrection> corrections = article.HasCorrections ? await compiled.Corrections(db, id).ToListAsync(ct) : [];
        var related = await compiled.RelatedByTag(db, id, now).ToListAsync(ct);
        if (related.Count < ArticlePageQueries.RelatedCount)
        {
            var chosen = related.Select(r => r.Id).ToArray();
            related.AddRange(await compiled.RelatedInSection(db, id, article.SectionId, now, ArticlePageQueries.RelatedCount - related.Count,
                chosen.ElementAtOrDefault(0), chosen.ElementAtOrDefault(1), chosen.ElementAtOrDefault(2)).ToListAsync(ct));
        }

        var previous = await compiled.Previous(db, id, article.SectionId, published, ct);
        var next = await compiled.Next(db, id, article.SectionId, published, now, ct);

        return new ArticleLookup.Found(new ArticleDetail(
            article.Id,
            article.Headline,
            article.Slug,
            article.Standfirst,
            article.BodyHtml,
            published,
            article.UpdatedAt,
            article.Source,
            new NamedLink(article.SectionName, article.SectionSlug),
            article.CoverImageUrl,
            article.CoverImage,
            article.CoverCaption,
            article.CoverCredit,
            article.ReadingMinutes,
            tags,
            authors,
            corrections,
            related,
            previous,
            next,
            article.Language,
            article.Translation is { Status: ArticleStatus.Published, PublishedAt: { } at } t && at <= now ? new TranslationLink(t.Id, t.Slug, t.Headline, t.Language) : null));
    }

    /// <summary>An old slug answers with where the article lives now, or why it cannot be shown.</summary>
    private async Task<ArticleLookup> MovedAsync(string slug, DateTime now, CancellationToken ct)
    {
        var moved = await db.ArticleSlugs.AsNoTracking()
            .Where(s => s.Slug == slug)
            .Select(s => new { s.Article!.Slug, s.Article.Status, s.Article.PublishedAt })
            .FirstOrDefaultAsync(ct);
        if (moved is null)
        {
            return new ArticleLookup.NotFound();
        }

        return moved.Status == ArticleStatus.Published && moved.PublishedAt <= now
            ? new ArticleLookup.Moved(moved.Slug)
            : moved.Status == ArticleStatus.Unpublished ? new ArticleLookup.Gone() : new ArticleLookup.NotFound();
    }

    /// <summary>Every section in the navigation's order, hidden ones too (the navigation leaves those out).</summary>
    public Task<List<Section>> SectionsAsync(CancellationToken ct = default) =>
        db.Sections.AsNoTracking().OrderBy(s => s.SortOrder).ThenBy(s => s.Name).ToListAsync(ct);

    /// <summary>The slug of the tag that a tag once at <paramref name="oldSlug"/> was merged into; null when none was.</summary>
    public Task<string?> TagMovedToAsync(string oldSlug, CancellationToken ct = default) =>
        db.TagSlugs.AsNoTracking().Where(s => s.Slug == oldSlug).Select(s => s.Tag!.Slug).FirstOrDefaultAsync(ct);

    /// <summary>The current slug of the section that once had <paramref name="oldSlug"/>; null when none did.</summary>
    public Task<string?> SectionMovedToAsync(string oldSlug, CancellationToken ct = default) =>
        db.SectionSlugs.AsNoTracking().Where(s => s.Slug == oldSlug).Select(s => s.Section!.Slug).FirstOrDefaultAsync(ct);
}

/// <summary>An article's card and its body text.</summary>
internal sealed record CardAndBody(ArticleCard Card, string Body);
