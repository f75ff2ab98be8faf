namespace NewsPortal.Core.Articles.Editing;

/// <summary>What a member of staff asks for when saving an article.</summary>
public enum ArticleAction
{
    /// <summary>Save the content and keep the article in the state it is in (a new article becomes a draft).</summary>
    Save,

    /// <summary>Save as a draft; cancels a schedule.</summary>
    SaveDraft,

    /// <summary>Publish at a chosen later time.</summary>
    Schedule,

    /// <summary>Publish now.</summary>
    Publish,

    /// <summary>Withdraw a published article; readers then get 410.</summary>
    Unpublish,
}

/// <summary>Where an article stands for readers: its status and the time it goes (or went) live, in UTC.</summary>
public readonly record struct PublishingState(ArticleStatus Status, DateTime? PublishedAt);

/// <summary>The outcome of asking for a workflow action: the new state, or why it cannot happen.</summary>
public readonly record struct WorkflowDecision(PublishingState? State, string? Error)
{
    public static WorkflowDecision To(ArticleStatus status, DateTime? publishedAt) => new(new PublishingState(status, publishedAt), null);

    public static WorkflowDecision Refuse(string error) => new(null, error);
}

/// <summary>
/// The newsroom's publishing rules. Draft and scheduled articles are never shown to readers; a scheduled
/// article goes live when its time comes; a published article can only be withdrawn (unpublished), after
/// which readers get 410 Gone until it is published again.
/// </summary>
public static class ArticleWorkflow
{
    /// <summary>How late a scheduled article may be before the site reports itself degraded.</summary>
    public static readonly TimeSpan OverdueGrace = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Decides the new state of an article in <paramref name="current"/> (null for a new article) when staff
    /// ask for <paramref name="action"/>. <paramref name="scheduleAt"/> is the UTC time for
    /// <see cref="ArticleAction.Schedule"/>.
    /// </summary>
    public static WorkflowDecision Decide(PublishingState? current, ArticleAction action, DateTime? scheduleAt, DateTime nowUtc)
    {
        var status = current?.Status;
        switch (action)
        {
            case ArticleAction.Save:
                return current is { } kept ? WorkflowDecision.To(kept.Status, kept.PublishedAt) : WorkflowDecision.To(ArticleStatus.Draft, null);

            case ArticleAction.SaveDraft:
                return status == ArticleStatus.Published
                    ? WorkflowDecision.Refuse("This article is live. Unpublish it first if readers should no longer see it.")
                    : WorkflowDecision.To(ArticleStatus.Draft, null);

            case ArticleAction.Schedule:
                if (status == ArticleStatus.Published)
                {
                    return WorkflowDecision.Refuse("This article is already published.");
                }

                if (scheduleAt is not { } at)
                {
                    return WorkflowDecision.Refuse("Choose the date and time at which the article should be published.");
                }

                return at <= nowUtc
                    ? WorkflowDecision.Refuse("That time has already passed. Choose a later time, or publish now.")
                    : WorkflowDecision.To(ArticleStatus.Scheduled, at);

            case ArticleAction.Publish:
                return status == ArticleStatus.Published
                    ? WorkflowDecision.Refuse("This article is already published.")
                    : WorkflowDecision.To(ArticleStatus.Published, nowUtc);

            case ArticleAction.Unpublish:
                return status == ArticleStatus.Published
                    ? WorkflowDecision.To(ArticleStatus.Unpublished, current!.Value.PublishedAt)
                    : WorkflowDecision.Refuse("Only a published article can be unpublished.");

            default:
                return WorkflowDecision.Refuse("Unknown action.");
        }
    }

    /// <summary>The actions that make sense for an article in <paramref name="status"/> (null: not yet saved).</summary>
    public static IReadOnlyList<ArticleAction> AllowedActions(ArticleStatus? status) => status switch
    {
        null or ArticleStatus.Draft => [ArticleAction.SaveDraft, ArticleAction.Schedule, ArticleAction.Publish],
        ArticleStatus.Scheduled => [ArticleAction.Save, ArticleAction.Schedule, ArticleAction.Publish, ArticleAction.SaveDraft],
        ArticleStatus.Published => [ArticleAction.Save, ArticleAction.Unpublish],
        ArticleStatus.Unpublished => [ArticleAction.Save, ArticleAction.Publish, ArticleAction.Schedule, ArticleAction.SaveDraft],
        _ => [],
    };

    /// <summary>A scheduled article whose time has come but which is not yet published.</summary>
    public static bool IsOverdue(ArticleStatus status, DateTime? publishedAt, DateTime nowUtc) =>
        status == ArticleStatus.Scheduled && publishedAt is { } at && at <= nowUtc;
}
