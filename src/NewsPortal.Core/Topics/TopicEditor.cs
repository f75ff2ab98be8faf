using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Data;
using NewsPortal.Core.Markdown;
using NewsPortal.Core.Media;
using NewsPortal.Core.Text;

namespace NewsPortal.Core.Topics;

/// <summary>What staff type for a topic: the articles as their slugs or addresses, one a line, in order.</summary>
public sealed record TopicInput(string? Title, string? Slug, string? Intro, bool IsOpen, string? Articles, UploadedFile? Cover, bool RemoveCover);

/// <summary>The topic saved (its id), or why not, by field.</summary>
public sealed record TopicSaveResult(int? Id, IReadOnlyDictionary<string, string> Errors);

/// <summary>A topic as the staff list and form show it.</summary>
public sealed record TopicRow(int Id, string Title, string Slug, string Intro, bool IsOpen, MediaImage? Cover, IReadOnlyList<string> ArticleSlugs);

/// <summary>Creates, changes and deletes special topics.</summary>
public sealed class TopicEditor(NewsDbContext db, MediaStore media, MarkdownRenderer markdown, TimeProvider clock)
{
    public async Task<List<TopicRow>> ListAsync(CancellationToken ct = default) =>
        await db.Topics.AsNoTracking().OrderByDescending(t => t.UpdatedAt)
            .Select(t => new TopicRow(t.Id, t.Title, t.Slug, t.IntroMarkdown, t.IsOpen, t.CoverImage,
                t.Articles.OrderBy(m => m.Position).Select(m => m.Article!.Slug).ToList()))
            .ToListAsync(ct);

    public Task<TopicRow?> FindAsync(int id, CancellationToken ct = default) =>
        db.Topics.AsNoTracking().Where(t => t.Id == id)
            .Select(t => new TopicRow(t.Id, t.Title, t.Slug, t.IntroMarkdown, t.IsOpen, t.CoverImage,
                t.Articles.OrderBy(m => m.Position).Select(m => m.Article!.Slug).ToList()))
            .FirstOrDefaultAsync(ct);

    /// <summary>Creates a topic (<paramref name="id"/> null) or changes one; null when there is no such topic.</summary>
    public async Task<TopicSaveResult?> SaveAsync(int? id, TopicInput input, CancellationToken ct = default)
    {
        Topic? topic = null;
        if (id is { } existing && (topic = await db.Topics.Include(t => t.Articles).FirstOrDefaultAsync(t => t.Id == existing, ct)) is null)
        {
            return null;
        }

        var title = PlainText.SingleLine(input.Title);
        var typed = PlainText.SingleLine(input.Slug);
        var intro = MarkdownRenderer.Normalize(PlainText.MultiLine(input.Intro));
        var slug = Slug.From(typed.Length == 0 ? title : typed, TopicLimits.Slug);
        var errors = new Dictionary<string, string>();
        if (new[] { title, typed, intro, input.Articles }.Any(PlainText.HasUnreadable))
        {
            errors[""] = PlainText.UnreadableError("The form");
        }

        if (title.Length == 0)
        {
            errors[nameof(TopicInput.Title)] = "Enter the topic's title.";
        }
        else if (title.Length > TopicLimits.Title)
        {
            errors[nameof(TopicInput.Title)] = $"The title can be at most {TopicLimits.Title} characters.";
        }

        if (slug.Length == 0 && title.Length > 0)
        {
            errors[nameof(TopicInput.Slug)] = "Type an address (slug) for the topic page, e.g. \"chengdu-chongqing\".";
        }
        else if (slug.Length > 0 && await db.Topics.AnyAsync(t => t.Slug == slug && t.Id != (topic == null ? 0 : topic.Id), ct))
        {
            errors[nameof(TopicInput.Slug)] = "Another topic already uses this address. Choose a different one.";
        }

        if (intro.Length > TopicLimits.Intro)
        {
            errors[nameof(TopicInput.Intro)] = $"The intro can be at most {TopicLimits.Intro} characters.";
        }

        var (articleIds, articleError) = await ResolveArticlesAsync(input.Articles, ct);
        if (articleError is not null)
        {
            errors[nameof(TopicInput.Articles)] = articleError;
        }

        if (errors.Count > 0)
        {
            return new TopicSaveResult(null, errors);
        }

        MediaImage? cover = null;
        if (input.Cover is { } upload)
        {
            var stored = await media.StoreAsync(upload, ct);
            if (stored.Image is null)
            {
                return new TopicSaveResult(null, new Dictionary<string, string> { [nameof(TopicInput.Cover)] = stored.Error ?? "The image could not be stored." });
            }

            cover = stored.Image;
            db.MediaImages.Add(cover);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (topic is null)
        {
            topic = new Topic { CreatedAt = now };
            db.Topics.Add(topic);
        }

        topic.Title = title;
        topic.Slug = slug;
        topic.IntroMarkdown = intro;
        topic.IntroHtml = markdown.Render(intro).Html;
        topic.IsOpen = input.IsOpen;
        topic.UpdatedAt = now;
        if (cover is not null)
        {
            topic.CoverImage = cover;
        }
        else if (input.RemoveCover)
        {
            topic.CoverImageId = null;
        }

        SetArticles(topic, articleIds);
        await db.SaveChangesAsync(ct);
        return new TopicSaveResult(topic.Id, new Dictionary<string, string>());
    }

    /// <summary>Deletes a topic (its articles stay); false when there is no such topic.</summary>
    public async Task<bool> DeleteAsync(int id, CancellationToken ct = default)
    {
        var topic = await db.Topics.Include(t => t.Articles).FirstOrDefaultAsync(t => t.Id == id, ct);
        if (topic is null)
        {
            return false;
        }

        db.Topics.Remove(topic);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static void SetArticles(Topic topic, List<int> ids)
    {
        topic.Articles.RemoveAll(m => !ids.Contains(m.ArticleId));
        for (var i = 0; i < ids.Count; i++)
        {
            var member = topic.Articles.FirstOrDefault(m => m.ArticleId == ids[i]);
            if (member is null)
            {
                topic.Articles.Add(new TopicArticle { ArticleId = ids[i], Position = i + 1 });
            }
            else if (member.Position != i + 1)
            {
                member.Position = i + 1;
            }
        }
    }

    /// <summary>The articles named one a line (a slug, or an address ending in /article/slug), in order, each once.</summary>
    private async Task<(List<int> Ids, string? Error)> ResolveArticlesAsync(string? typed, CancellationToken ct)
    {
        var slugs = (typed ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => PlainText.SingleLine(line).TrimEnd('/'))
            .Select(line => line.Contains('/', StringComparison.Ordinal) ? line[(line.LastIndexOf('/') + 1)..] : line)
            .Where(s => s.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (slugs.Count > TopicLimits.MaxArticles)
        {
            return ([], $"A topic can hold at most {TopicLimits.MaxArticles} articles.");
        }

        var found = await db.Articles.Where(a => slugs.Contains(a.Slug)).Select(a => new { a.Id, a.Slug }).ToDictionaryAsync(a => a.Slug, a => a.Id, ct);
        var missing = slugs.Where(s => !found.ContainsKey(s)).ToList();
        return missing.Count > 0
            ? ([], $"No article has the address {string.Join(", ", missing.Take(5).Select(s => $"\"{s}\""))}. Give one article slug (or its full address) a line.")
            : (slugs.Select(s => found[s]).ToList(), null);
    }
}
