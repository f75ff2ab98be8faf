using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Articles.Editing;
using NewsPortal.Core.Markdown;
using NewsPortal.Core.Media;
using NewsPortal.Core.Media.Library;
using NewsPortal.Core.Review;
using NewsPortal.Web.Platform.Caching;
using NewsPortal.Web.Platform.Data;
using NewsPortal.Web.Platform.Security;
using NewsPortal.Web.Platform.Site;

namespace NewsPortal.Web.Features.Staff.Articles;

/// <summary>Writing a new article or editing one: save, schedule, publish, unpublish, preview, corrections.</summary>
public sealed partial class EditModel(
    ArticleDesk desk, ArticleEditor editor, EditingPresence presence, NewsroomQueries queries, MarkdownRenderer markdown, BodyMediaReader bodyMedia,
    SiteTime time, IOptions<MediaOptions> media, PendingCovers pendingCovers, ILogger<EditModel> log)
    : PageModel
{
    public const string LocalTimeFormat = "yyyy-MM-dd'T'HH:mm";

    /// <summary>What the editor is told when the database or media disk is full; the files written for the save are removed.</summary>
    public const string NotSaved = "The database could not store the article just now; nothing was saved. Wait a minute, then send the form again.";
    public const string OutOfSpace = "The server is out of disk space; nothing was saved. Ask the administrator to free space, then send the form again.";

    [BindProperty]
    public ArticleInput Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Cover { get; set; }

    /// <summary>The schedule time as the datetime-local field sends it, in the site's time zone.</summary>
    [BindProperty]
    public string? ScheduleAt { get; set; }

    /// <summary>Which button was pressed: preview, save, save-draft, schedule, publish, unpublish.</summary>
    [BindProperty]
    public string? Command { get; set; }

    [BindProperty]
    public string? CorrectionText { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public int? Id { get; private set; }

    public ArticleForEditing? Existing { get; private set; }

    public IReadOnlyList<Section> Sections { get; private set; } = [];

    public string? PreviewHtml { get; private set; }

    /// <summary>The cover chosen on this form and kept while it is shown again; saved with the article.</summary>
    public MediaImage? PendingCover { get; private set; }

    public long MaxUploadBytes => media.Value.MaxUploadBytes;

    public IReadOnlyList<ArticleAction> Actions => ReviewRules.AllowedActions(User.Actor(), Existing?.Status);

    /// <summary>The article's review record and comments (null for articles not written through these pages).</summary>
    public ArticleReview? Review { get; private set; }

    public IReadOnlyList<ReviewComment> Comments { get; private set; } = [];

    /// <summary>Others who have this article open now.</summary>
    public IReadOnlyList<string> OthersEditing { get; private set; } = [];

    public bool CanSubmit => !User.Actor().CanPublish && ReviewRules.CanSubmit(Existing?.Status, Review?.State);

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        if (await desk.RefuseOpeningAsync(User.Actor(), id, HttpContext.RequestAborted) is not null)
        {
            return Forbid();
        }

        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (id is { } articleId)
        {
            OthersEditing = await presence.RenewAsync(articleId, User.Actor(), HttpContext.RequestAborted);
        }

        if (Existing is not null)
        {
            Input = Existing.Input;
            ScheduleAt = Existing.Status == ArticleStatus.Scheduled && Existing.PublishedAt is { } at ? time.Local(at).ToString(LocalTimeFormat, CultureInfo.InvariantCulture) : null;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        // The form's sections and the article are loaded only when the form is shown again (a preview or a
        // mistake); a save that succeeds redirects, and the editor answers "not found" itself.
        ModelState.Clear();
        if (await desk.RefuseOpeningAsync(User.Actor(), id, HttpContext.RequestAborted) is not null)
        {
            return Forbid();
        }

        if (Command == "preview")
        {
            if (!await LoadAsync(id))
            {
                return NotFound();
            }

            // The same checks as saving: a body too long or nested too deeply is explained beside the field.
            var body = ArticleInput.NormalizeBody(Input.Body);
            if (ArticleBody.Check(body, markdown, await bodyMedia.ForAsync(body, HttpContext.RequestAborted), out var rendered) is { } problem)
            {
                ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Body)}", problem);
                await KeepCoverAsync();
                return Invalid();
            }

            PreviewHtml = rendered.Html;
            return await KeepCoverAsync() ? Page() : Invalid();
        }

        if (ArticleCommands.Parse(Command) is not { } action)
        {
            ModelState.AddModelError(string.Empty, "Choose one of the buttons at the bottom of the form.");
            return await InvalidAsync(id);
        }

        DateTime? scheduleUtc = null;
        if (action == ArticleAction.Schedule && !string.IsNullOrWhiteSpace(ScheduleAt))
        {
            if (!DateTime.TryParseExact(ScheduleAt, [LocalTimeFormat, "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                ModelState.AddModelError(nameof(ScheduleAt), "Enter the date and time as year-month-day and hours:minutes.");
                return await InvalidAsync(id);
            }

            scheduleUtc = time.ToUtc(local);
        }

        var upload = Cover is { } file ? new UploadedFile(file.FileName, file.Length, file.OpenReadStream) : null;
        DeskOutcome outcome;
        try
        {
            outcome = await desk.SaveAsync(User.Actor(), id, Input, action, scheduleUtc, Command == ArticleCommands.Submit, upload, HttpContext.RequestAborted);
        }
        catch (Exception ex) when (!HttpContext.RequestAborted.IsCancellationRequested && StorageFailures.IsStorageFailure(ex))
        {
            var full = StorageFailures.IsOutOfSpace(ex);
            log.LogError("Saving an article failed: {Reason} ({Error})", full ? "the server is out of disk space" : "the database could not store it", ex.Message);
            ModelState.AddModelError("", full ? OutOfSpace : NotSaved);
            Response.Headers.RetryAfter = full ? "300" : "60";
            return await NotStoredAsync(id, full ? StatusCodes.Status507InsufficientStorage : StatusCodes.Status503ServiceUnavailable);
        }

        if (outcome.Forbidden is not null)
        {
            return Forbid();
        }

        var result = outcome.Result;
        if (result.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            foreach (var (field, error) in result.Errors)
            {
                ModelState.AddModelError(ArticleFormFields.Of(field), error);
            }

            var shown = result.Conflict ? await ConflictAsync(id) : await InvalidAsync(id);
            if (!result.Errors.ContainsKey(ArticleField.Cover))
            {
                await KeepCoverAsync();
            }

            return shown;
        }

        Notice = Command == ArticleCommands.Submit ? $"Submitted for review (revision {result.RevisionNumber}). An editor will publish it or return it with a comment." : ArticleCommands.Describe(result, time.Display);
        return RedirectToPage(new { id = result.ArticleId });
    }

    public string ActionLabel(ArticleAction action) => ArticleCommands.Label(action, Existing?.Status);
    public static string CommandOf(ArticleAction action) => ArticleCommands.Of(action);

    /// <summary>The form again as it was sent (507 or 503); its section list only if the database can still be read.</summary>
    private async Task<PageResult> NotStoredAsync(int? id, int status)
    {
        try
        {
            await LoadAsync(id);
        }
        catch (Exception ex) when (StorageFailures.IsStorageFailure(ex))
        {
            Sections = [];
        }

        Response.StatusCode = status;
        return Page();
    }

    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>
    /// Shows the posted form again (409) after someone else saved the article: the form now carries the current
    /// version, so saving again, having seen what changed, replaces it on purpose.
    /// </summary>
    private async Task<IActionResult> ConflictAsync(int? id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Input.Version = Existing!.Input.Version;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    /// <summary>
    /// When the form is shown again, keeps the cover chosen on it as a pending upload, so the editor does not have to
    /// choose the file again and the next save uses it. False (with the reason beside the field) when it was refused.
    /// </summary>
    private async Task<bool> KeepCoverAsync()
    {
        if (Cover is { } file)
        {
            var (image, error) = await pendingCovers.KeepAsync(new UploadedFile(file.FileName, file.Length, file.OpenReadStream), HttpContext.RequestAborted);
            if (image is null)
            {
                ModelState.AddModelError(nameof(Cover), error!);
                Input.PendingCover = null;
                return false;
            }

            Input.PendingCover = image.StorageName;
        }

        PendingCover = string.IsNullOrEmpty(Input.PendingCover) || Input.RemoveCover ? null : await pendingCovers.FindAsync(Input.PendingCover, HttpContext.RequestAborted);
        Input.PendingCover = PendingCover?.StorageName;
        return true;
    }

    /// <summary>Shows the posted form again with its mistakes (400), or 404 when the article does not exist.</summary>
    private async Task<IActionResult> InvalidAsync(int? id) => await LoadAsync(id) ? Invalid() : NotFound();

    private async Task<bool> LoadAsync(int? id)
    {
        Id = id;
        Sections = await queries.SectionsAsync(HttpContext.RequestAborted);
        if (id is { } articleId)
        {
            Existing = await queries.ForEditingAsync(articleId, HttpContext.RequestAborted);
            Review = await desk.ReviewAsync(articleId, HttpContext.RequestAborted);
            Comments = await desk.CommentsAsync(articleId, HttpContext.RequestAborted);
            return Existing is not null;
        }

        return true;
    }
}
