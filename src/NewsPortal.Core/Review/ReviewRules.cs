using NewsPortal.Core.Articles;
using NewsPortal.Core.Articles.Editing;

namespace NewsPortal.Core.Review;

/// <summary>
/// Who may do what to an article. Editors and administrators may do anything the publishing rules allow; a
/// reporter writes new articles and their own drafts, and sends them for review, but never publishes, schedules or
/// unpublishes, whatever the form they send says.
/// </summary>
public static class ReviewRules
{
    public const string OnlyEditorsPublish = "Only an editor can publish, schedule or unpublish an article. Submit it for review instead.";
    public const string OnlyOwnDrafts = "Reporters can change only their own drafts. Ask an editor about this article.";
    public const string OnlyEditorsReview = "Only an editor can return or approve a draft.";

    /// <summary>Why <paramref name="actor"/> may not open or change an article in <paramref name="status"/> owned by <paramref name="ownerId"/>; null when they may.</summary>
    public static string? RefuseEditing(StaffActor actor, ArticleStatus? status, string? ownerId)
    {
        if (actor.CanPublish || status is null)
        {
            return null;
        }

        return status == ArticleStatus.Draft && ownerId == actor.Id ? null : OnlyOwnDrafts;
    }

    /// <summary>Why <paramref name="actor"/> may not ask for <paramref name="action"/>; null when they may.</summary>
    public static string? RefuseAction(StaffActor actor, ArticleAction action) =>
        actor.CanPublish || action is ArticleAction.Save or ArticleAction.SaveDraft ? null : OnlyEditorsPublish;

    /// <summary>The workflow buttons <paramref name="actor"/> sees for an article in <paramref name="status"/>.</summary>
    public static IReadOnlyList<ArticleAction> AllowedActions(StaffActor actor, ArticleStatus? status) =>
        ArticleWorkflow.AllowedActions(status).Where(a => RefuseAction(actor, a) is null).ToList();

    /// <summary>True when the article can be sent for review (a draft not already waiting).</summary>
    public static bool CanSubmit(ArticleStatus? status, ReviewState? state) =>
        (status is null or ArticleStatus.Draft) && state is not ReviewState.Submitted;

    public const int MaxCommentLength = 4000;
}
