using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NewsPortal.Core.Data;
using NewsPortal.Core.Markdown;
using NewsPortal.Core.Media;
using NewsPortal.Core.Media.Library;
using NewsPortal.Core.Text;

namespace NewsPortal.Core.Articles.Editing;

/// <summary>
/// Saves articles from what staff typed (or an import file carried): checks the fields, renders the Markdown
/// with the one pipeline readers see, keeps old slugs for redirects, creates tags and authors by name, applies
/// the publishing rules and keeps a revision of every save.
/// </summary>
public sealed class ArticleEditor(
    NewsDbContext db, MarkdownRenderer markdown, MediaStore media, BodyMediaReader bodyMedia, MediaLibrary library, TimeProvider clock, ILogger<ArticleEditor> log)
{
    private readonly ArticleAddresses _addresses = new(db);
    private readonly ArticleNames _names = new(db);
    private readonly ArticleTranslations _translations = new(db);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Saves an article (a new one when <paramref name="articleId"/> is null) and applies a workflow action.</summary>
    public Task<ArticleSaveResult> SaveAsync(
        int? articleId, ArticleInput input, ArticleAction action, DateTime? scheduleAtUtc, string editedBy,
        UploadedFile? cover = null, CancellationToken ct = default) =>
        SaveAsync(articleId, input, action, scheduleAtUtc, editedBy, cover, alongside: null, ct);

    /// <summary>
    /// Saves an article as above; <paramref name="alongside"/> then saves what goes with it (its review, the
    /// activity log) in the same transaction, so either both are stored or neither, and a cover written for a
    /// save that fails is removed.
    /// </summary>
    public async Task<ArticleSaveResult> SaveAsync(
        int? articleId, ArticleInput input, ArticleAction action, DateTime? scheduleAtUtc, string editedBy,
        UploadedFile? cover, Func<ArticleSaveResult, CancellationToken, Task>? alongside, CancellationToken ct)
    {
        var article = articleId is { } id ? await LoadAsync(id, ct) : null;
        if (articleId is not null && article is null)
        {
            return ArticleSaveResult.Missing();
        }

        if (article is not null && input.Version is { } version && version != EditConflicts.VersionOf(article))
        {
            log.LogInformation("Save of article {ArticleId} refused: it changed after the form was opened", article.Id);
            return ArticleSaveResult.Stale(await EditConflicts.DescribeAsync(db, article, version, ct));
        }

        var current = article is null ? (PublishingState?)null : new PublishingState(article.Status, article.PublishedAt);
        var decision = ArticleWorkflow.Decide(current, action, scheduleAtUtc, Now);
        if (decision.State is not { } state)
        {
            var field = action == ArticleAction.Schedule ? ArticleField.ScheduleAt : ArticleField.Form;
            return ArticleSaveResult.Failed(field, decision.Error!);
        }

        return await SaveCoreAsync(article, input, state, editedBy, cover, ct, alongside, linkTranslation: true);
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
            Language = article.Language,
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

        var (checkedText, error) = ArticleValidation.CheckCorrection(text);
        if (error is not null)
        {
            return ArticleSaveResult.Failed(ArticleField.Correction, error);
        }

        if (article.Status != ArticleStatus.Published)
        {
            return ArticleSaveResult.Failed(ArticleField.Correction, "Corrections are added to published articles only.");
        }

        var now = Now;
        article.Corrections.Add(new ArticleCorrection { Text = checkedText, CreatedAt = now });
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
        Article? article, ArticleInput input, PublishingState state, string editedBy, UploadedFile? cover, CancellationToken ct,
        Func<ArticleSaveResult, CancellationToken, Task>? alongside = null, bool linkTranslation = false)
    {
        var errors = new Dictionary<string, string>();
        var fields = ArticleValidation.Check(input, state, errors);
        var rendered = new Markdown.RenderedMarkdown("", "", 0);
        var shown = await bodyMedia.ForAsync(fields.Body, ct);
        if (!errors.ContainsKey(ArticleField.Body) && ArticleBody.Check(fields.Body, markdown, shown, out rendered) is { } bodyProblem)
        {
            errors[ArticleField.Body] = bodyProblem;
        }

        MediaImage? picked = null;
        if (input.CoverFromLibrary is { } itemId && cover is null)
        {
            picked = await db.MediaItems.Where(m => m.Id == itemId && m.Kind == MediaKind.Image).Select(m => m.Image).FirstOrDefaultAsync(ct);
            if (picked is null)
            {
                errors[ArticleField.Cover] = $"There is no picture number {itemId} in the media library.";
            }
            else if (picked.Width < MediaStore.MinWidth)
            {
                errors[ArticleField.Cover] = $"Picture {itemId} is {picked.Width} pixels wide; a cover image needs to be at least {MediaStore.MinWidth} pixels wide.";
            }
        }

        if (!await db.Sections.AnyAsync(s => s.Id == input.SectionId, ct))
        {
            errors[ArticleField.Section] = "Choose a section.";
        }

        // The staff form always carries the translation field (imports and restores leave the link as it is).
        var (translation, translationError) = linkTranslation ? await _translations.FindAsync(input.Translation, article?.Id ?? 0, fields.Language, ct) : (null, null);
        if (translationError is not null)
        {
            errors[ArticleField.Translation] = translationError;
        }

        var slug = errors.ContainsKey(ArticleField.Headline) ? "" : await _addresses.ChooseAsync(article, input.Slug, fields.Headline, errors, ct);
        if (errors.Count > 0)
        {
            return ArticleSaveResult.Failed(errors);
        }

        MediaImage? uploaded = null;
        MediaImage? pending = null;
        if (cover is not null)
        {
            var stored = await media.StoreAsync(cover, ct);
            if (stored.Image is null)
            {
                return ArticleSaveResult.Failed(ArticleField.Cover, stored.Error!);
            }

            uploaded = stored.Image;
            library.AddCover(uploaded, fields.Caption ?? fields.Headline, fields.Caption, fields.Credit, editedBy);
        }
        else if (!input.RemoveCover && !string.IsNullOrEmpty(input.PendingCover))
        {
            pending = await PendingCovers.FindAsync(db, input.PendingCover, ct);
            if (pending is null)
            {
                return ArticleSaveResult.Failed(ArticleField.Cover, PendingCovers.Gone);
            }
        }

        var now = Now;
        if (article is null)
        {
            article = new Article { CreatedAt = now };
            db.Articles.Add(article);
        }

        _addresses.Retire(article, slug, now);
        ArticleRecords.Apply(article, fields, rendered, slug, input, state, uploaded ?? picked ?? pending, now);
        await ArticleMediaUses.ReplaceAsync(db, article, shown.Uses, ct);
        if (linkTranslation)
        {
            await _translations.LinkAsync(article, translation, ct);
        }

        article.Tags.Clear();
        article.Tags.AddRange(await _names.TagsAsync(fields.Tags, ct));
        article.Authors.Clear();
        article.Authors.AddRange(await _names.AuthorsAsync(fields.Authors, ct));

        var number = article.Id == 0 ? 1 : (await db.ArticleRevisions.Where(r => r.ArticleId == article.Id).MaxAsync(r => (int?)r.Number, ct) ?? 0) + 1;
        article.Revisions.Add(ArticleRecords.Revision(number, fields, slug, input.SectionId, editedBy, now, article));

        ArticleSaveResult result;
        try
        {
            await using var transaction = alongside is null ? null : await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            result = new ArticleSaveResult
            {
                ArticleId = article.Id,
                Slug = article.Slug,
                Status = article.Status,
                PublishedAt = article.PublishedAt,
                RevisionNumber = number,
            };
            if (transaction is not null)
            {
                await alongside!(result, ct);
                await transaction.CommitAsync(ct);
            }
        }
        catch (DbUpdateException ex) when (DatabaseConflicts.IsConflict(ex))
        {
            if (uploaded is not null)
            {
                media.Delete(uploaded);
            }

            log.LogWarning(ex, "Saving article {Slug} failed", slug);
            db.ChangeTracker.Clear();
            return ArticleSaveResult.Failed(ArticleField.Form, "The article could not be saved because someone else changed it or took its slug at the same moment. Please try again.");
        }
        catch (Exception)
        {
            // Nothing was saved (a full disk, a lost database): the files written for the cover go too, and the
            // context forgets the changes it could not store.
            if (uploaded is not null)
            {
                media.Delete(uploaded);
            }

            db.ChangeTracker.Clear();
            throw;
        }

        log.LogInformation("Article {ArticleId} saved as revision {Number}, status {Status}", article.Id, number, article.Status);
        return result;
    }
}
