using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NewsPortal.Core.Data;
using NewsPortal.Core.Markdown;
using NewsPortal.Core.Media;
using NewsPortal.Core.Text;

namespace NewsPortal.Core.Articles.Editing;

/// <summary>
/// Saves articles from what staff typed (or an import file carried): checks the fields, renders the Markdown
/// with the one pipeline readers see, keeps old slugs for redirects, creates tags and authors by name, applies
/// the publishing rules and keeps a revision of every save.
/// </summary>
public sealed class ArticleEditor(NewsDbContext db, MarkdownRenderer markdown, MediaStore media, TimeProvider clock, ILogger<ArticleEditor> log)
{
    private const int NameLimit = 100;
    private const int SourceLimit = 200;
    private const int CaptionLimit = 500;
    private const int CreditLimit = 200;
    private const int CorrectionLimit = 2000;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Saves an article (a new one when <paramref name="articleId"/> is null) and applies a workflow action.</summary>
    public async Task<ArticleSaveResult> SaveAsync(
        int? articleId, ArticleInput input, ArticleAction action, DateTime? scheduleAtUtc, string editedBy,
        UploadedFile? cover = null, CancellationToken ct = default)
    {
        var article = articleId is { } id ? await LoadAsync(id, ct) : null;
        if (articleId is not null && article is null)
        {
            return ArticleSaveResult.Missing();
        }

        var current = article is null ? (PublishingState?)null : new PublishingState(article.Status, article.PublishedAt);
        var decision = ArticleWorkflow.Decide(current, action, scheduleAtUtc, Now);
        if (decision.State is not { } state)
        {
            var field = action == ArticleAction.Schedule ? "ScheduleAt" : ArticleSaveResult.FormKey;
            return ArticleSaveResult.Failed(field, decision.Error!);
        }

        return await SaveCoreAsync(article, input, state, editedBy, cover, ct);
    }

    /// <summary>Saves an article straight into <paramref name="state"/> (imports, which carry their own times).</summary>
    public async Task<ArticleSaveResult> SaveInStateAsync(int? articleId, ArticleInput input, PublishingState state, string editedBy, CancellationToken ct = default)
    {
        var article = articleId is { } id ? await LoadAsync(id, ct) : null;
        if (articleId is not null && article is null)
        {
            return ArticleSaveResult.Missing();
        }

        return await SaveCoreAsync(article, input, state, editedBy, null, ct);
    }

    /// <summary>Makes revision <paramref name="number"/> the current text again, as a new revision.</summary>
    public async Task<ArticleSaveResult> RestoreAsync(int articleId, int number, string editedBy, CancellationToken ct = default)
    {
        var article = await LoadAsync(articleId, ct);
        var revision = await db.ArticleRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.ArticleId == articleId && r.Number == number, ct);
        if (article is null || revision is null)
        {
            return ArticleSaveResult.Missing();
        }

        var input = new ArticleInput
        {
            Headline = revision.Headline,
            Slug = revision.Slug,
            Standfirst = revision.Standfirst,
            Body = revision.BodyMarkdown,
            Source = revision.Source,
            CoverCaption = revision.CoverCaption,
            CoverCredit = revision.CoverCredit,

            // Revisions saved before sections were recorded carry 0: keep the article where it is.
            SectionId = revision.SectionId != 0 && await db.Sections.AnyAsync(s => s.Id == revision.SectionId, ct) ? revision.SectionId : article.SectionId,
            Tags = revision.TagNames,
            Authors = revision.AuthorNames,
        };
        var result = await SaveCoreAsync(article, input, new PublishingState(article.Status, article.PublishedAt), editedBy, null, ct);
        if (result.Succeeded)
        {
            log.LogInformation("Article {ArticleId} restored to revision {Number} as revision {NewNumber}", articleId, number, result.RevisionNumber);
        }

        return result;
    }

    /// <summary>Adds a correction note, shown to readers under a published article with its date.</summary>
    public async Task<ArticleSaveResult> AddCorrectionAsync(int articleId, string? text, CancellationToken ct = default)
    {
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == articleId, ct);
        if (article is null)
        {
            return ArticleSaveResult.Missing();
        }

        text = PlainText.MultiLine(text);
        if (text.Length == 0)
        {
            return ArticleSaveResult.Failed("CorrectionText", "Write the correction readers should see.");
        }

        if (PlainText.HasUnreadable(text))
        {
            return ArticleSaveResult.Failed("CorrectionText", PlainText.UnreadableError("The correction"));
        }

        if (text.Length > CorrectionLimit)
        {
            return ArticleSaveResult.Failed("CorrectionText", $"A correction can be at most {CorrectionLimit} characters.");
        }

        if (article.Status != ArticleStatus.Published)
        {
            return ArticleSaveResult.Failed("CorrectionText", "Corrections are added to published articles only.");
        }

        var now = Now;
        article.Corrections.Add(new ArticleCorrection { Text = text, CreatedAt = now });
        article.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        log.LogInformation("Correction added to article {ArticleId}", articleId);
        return new ArticleSaveResult { ArticleId = article.Id, Slug = article.Slug, Status = article.Status, PublishedAt = article.PublishedAt };
    }

    private Task<Article?> LoadAsync(int id, CancellationToken ct) =>
        db.Articles
            .Include(a => a.Tags)
            .Include(a => a.Authors)
            .Include(a => a.SlugHistory)
            .Include(a => a.CoverImage)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == id, ct);

    private async Task<ArticleSaveResult> SaveCoreAsync(
        Article? article, ArticleInput input, PublishingState state, string editedBy, UploadedFile? cover, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var headline = ArticleInput.Line(input.Headline);
        var standfirst = ArticleInput.Line(input.Standfirst);
        var body = ArticleInput.NormalizeBody(input.Body);
        var source = ArticleInput.Clean(input.Source);
        var caption = ArticleInput.Clean(input.CoverCaption);
        var credit = ArticleInput.Clean(input.CoverCredit);
        var tagNames = ArticleInput.Names(input.Tags);
        var authorNames = ArticleInput.Names(input.Authors);

        if (headline.Length == 0)
        {
            errors["Headline"] = "Write a headline.";
        }
        else if (headline.Length > ArticleLimits.Headline)
        {
            errors["Headline"] = $"The headline can be at most {ArticleLimits.Headline} characters; it has {headline.Length}.";
        }

        Limit(errors, "Standfirst", "The standfirst", standfirst, ArticleLimits.Standfirst);
        var bodyProblem = ArticleBody.Check(body, markdown, out var rendered);
        if (bodyProblem is not null)
        {
            errors["Body"] = bodyProblem;
        }

        Limit(errors, "Source", "The source", source, SourceLimit);
        Limit(errors, "CoverCaption", "The caption", caption, CaptionLimit);
        Limit(errors, "CoverCredit", "The credit", credit, CreditLimit);
        CheckNames(errors, "Tags", "tag", tagNames);
        CheckNames(errors, "Authors", "author", authorNames);
        foreach (var (field, label, value) in new[]
        {
            ("Headline", "The headline", headline), ("Standfirst", "The standfirst", standfirst), ("Body", "The body", body),
            ("Source", "The source", source), ("CoverCaption", "The caption", caption), ("CoverCredit", "The credit", credit),
            ("Tags", "The tags", input.Tags), ("Authors", "The authors", input.Authors),
        })
        {
            if (PlainText.HasUnreadable(value))
            {
                errors[field] = PlainText.UnreadableError(label);
            }
        }

        if (state.Status is ArticleStatus.Published or ArticleStatus.Scheduled && PlainText.IsBlank(body))
        {
            errors["Body"] = "Write the article before publishing it.";
        }

        if (!await db.Sections.AnyAsync(s => s.Id == input.SectionId, ct))
        {
            errors["SectionId"] = "Choose a section.";
        }

        var slug = "";
        if (!errors.ContainsKey("Headline"))
        {
            var (chosen, generated) = SlugRules.Choose(input.Slug, headline);
            if (chosen.Length == 0)
            {
                errors["Slug"] = generated
                    ? "The headline has no letters or digits that can go in a web address. Type a slug (for example: city-metro-line-opens)."
                    : "A slug needs letters or digits (a-z, 0-9).";
            }
            else
            {
                slug = generated && article?.Slug is not { Length: > 0 } ? await UniqueAsync(chosen, article?.Id, ct) : chosen;
                var currentOwner = await db.Articles.Where(a => a.Slug == slug).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
                var formerOwner = await db.ArticleSlugs.Where(s => s.Slug == slug).Select(s => (int?)s.ArticleId).FirstOrDefaultAsync(ct);
                if (SlugRules.Conflict(article?.Id, currentOwner, formerOwner) is { } conflict)
                {
                    errors["Slug"] = conflict;
                }
            }
        }

        if (errors.Count > 0)
        {
            return ArticleSaveResult.Failed(errors);
        }

        MediaImage? uploaded = null;
        if (cover is not null)
        {
            var stored = await media.StoreAsync(cover, ct);
            if (stored.Image is null)
            {
                return ArticleSaveResult.Failed("Cover", stored.Error!);
            }

            uploaded = stored.Image;
        }

        var now = Now;
        if (article is null)
        {
            article = new Article { CreatedAt = now };
            db.Articles.Add(article);
        }

        RetireSlug(article, slug, now);
        article.Headline = headline;
        article.Slug = slug;
        article.Standfirst = standfirst;
        article.SectionId = input.SectionId;
        article.Source = source;
        article.CoverCaption = caption;
        article.CoverCredit = credit;
        if (uploaded is not null)
        {
            article.CoverImage = uploaded;
            article.CoverImageUrl = null;
        }
        else if (input.RemoveCover)
        {
            article.CoverImage = null;
            article.CoverImageId = null;
            article.CoverImageUrl = null;
        }

        article.BodyMarkdown = body;
        article.BodyHtml = rendered.Html;
        article.BodyText = rendered.PlainText;
        article.ReadingMinutes = rendered.ReadingMinutes;
        article.Status = state.Status;
        article.PublishedAt = state.PublishedAt;
        article.UpdatedAt = now;

        article.Tags.Clear();
        article.Tags.AddRange(await ResolveAsync(
            db.Tags, tagNames, n => new Tag { Name = n, Slug = Slug.From(n) }, t => t.Slug, slugs => db.Tags.Where(t => slugs.Contains(t.Slug)), ct));
        article.Authors.Clear();
        article.Authors.AddRange(await ResolveAsync(
            db.Authors, authorNames, n => new Author { Name = n, Slug = Slug.From(n) }, t => t.Slug, slugs => db.Authors.Where(t => slugs.Contains(t.Slug)), ct));

        var number = article.Id == 0 ? 1 : (await db.ArticleRevisions.Where(r => r.ArticleId == article.Id).MaxAsync(r => (int?)r.Number, ct) ?? 0) + 1;
        article.Revisions.Add(new ArticleRevision
        {
            Number = number,
            CreatedAt = now,
            EditedBy = editedBy.Length > 256 ? editedBy[..256] : editedBy,
            Headline = headline,
            Slug = slug,
            Standfirst = standfirst,
            BodyMarkdown = body,
            Source = source,
            CoverCaption = caption,
            CoverCredit = credit,
            SectionId = input.SectionId,
            TagNames = string.Join(", ", tagNames),
            AuthorNames = string.Join(", ", authorNames),
        });

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex)
        {
            if (uploaded is not null)
            {
                media.Delete(uploaded);
            }

            log.LogWarning(ex, "Saving article {Slug} failed", slug);
            db.ChangeTracker.Clear();
            return ArticleSaveResult.Failed(ArticleSaveResult.FormKey, "The article could not be saved because someone else changed it or took its slug at the same moment. Please try again.");
        }

        log.LogInformation("Article {ArticleId} saved as revision {Number}, status {Status}", article.Id, number, article.Status);
        return new ArticleSaveResult
        {
            ArticleId = article.Id,
            Slug = article.Slug,
            Status = article.Status,
            PublishedAt = article.PublishedAt,
            RevisionNumber = number,
        };
    }

    /// <summary>Keeps the old slug of an article readers have seen, so old links answer 301 (or 410 once withdrawn).</summary>
    private void RetireSlug(Article article, string newSlug, DateTime now)
    {
        var reused = article.SlugHistory.FirstOrDefault(s => s.Slug == newSlug);
        if (reused is not null)
        {
            db.ArticleSlugs.Remove(reused);
        }

        var seenByReaders = article.Status is ArticleStatus.Published or ArticleStatus.Unpublished;
        if (article.Id != 0 && seenByReaders && article.Slug.Length > 0 && article.Slug != newSlug
            && article.SlugHistory.All(s => s.Slug != article.Slug))
        {
            article.SlugHistory.Add(new ArticleSlug { Slug = article.Slug, RetiredAt = now });
        }
    }

    private async Task<string> UniqueAsync(string slug, int? articleId, CancellationToken ct)
    {
        var taken = new HashSet<string>(await db.Articles.Where(a => a.Slug.StartsWith(slug) && a.Id != articleId).Select(a => a.Slug).ToListAsync(ct));
        taken.UnionWith(await db.ArticleSlugs.Where(s => s.Slug.StartsWith(slug) && s.ArticleId != articleId).Select(s => s.Slug).ToListAsync(ct));
        return SlugRules.MakeUnique(slug, taken.Contains);
    }

    /// <summary>Finds tags or authors by the slug of their name, creating those that do not exist yet.</summary>
    private static async Task<List<T>> ResolveAsync<T>(
        DbSet<T> set, IReadOnlyList<string> names, Func<string, T> create, Func<T, string> slugOf,
        Func<List<string>, IQueryable<T>> bySlugs, CancellationToken ct)
        where T : class
    {
        if (names.Count == 0)
        {
            return [];
        }

        var slugs = names.Select(n => Slug.From(n)).ToList();
        var existing = (await bySlugs(slugs).ToListAsync(ct)).ToDictionary(slugOf);
        var result = new List<T>(names.Count);
        for (var i = 0; i < names.Count; i++)
        {
            if (!existing.TryGetValue(slugs[i], out var item))
            {
                item = create(names[i]);
                set.Add(item);
                existing[slugs[i]] = item;
            }

            result.Add(item);
        }

        return result;
    }

    private static void Limit(Dictionary<string, string> errors, string field, string label, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            errors[field] = $"{label} can be at most {max:N0} characters; it has {value.Length:N0}.";
        }
    }

    private static void CheckNames(Dictionary<string, string> errors, string field, string kind, IReadOnlyList<string> names)
    {
        foreach (var name in names)
        {
            if (name.Length > NameLimit)
            {
                errors[field] = $"A {kind} name can be at most {NameLimit} characters: \"{name[..30]}...\" is longer.";
                return;
            }

            if (Slug.From(name).Length == 0)
            {
                errors[field] = $"The {kind} \"{name}\" needs some letters or digits (a-z, 0-9) for its web address.";
                return;
            }
        }
    }
}
