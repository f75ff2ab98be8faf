using NewsPortal.Core.Articles;
using NewsPortal.Core.Articles.Editing;

namespace NewsPortal.Web.Features.Staff.Articles;

/// <summary>The article form's buttons: the command each sends and the words on it.</summary>
public static class ArticleCommands
{
    /// <summary>Saves the draft and sends it for review (reporters).</summary>
    public const string Submit = "submit";

    public static string Label(ArticleAction action, ArticleStatus? status) => action switch
    {
        ArticleAction.Save => "Save changes",
        ArticleAction.SaveDraft => status is ArticleStatus.Scheduled ? "Cancel schedule (back to draft)" : "Save draft",
        ArticleAction.Schedule => status is ArticleStatus.Scheduled ? "Reschedule" : "Schedule",
        ArticleAction.Publish => status is ArticleStatus.Unpublished ? "Publish again now" : "Publish now",
        ArticleAction.Unpublish => "Unpublish",
        _ => action.ToString(),
    };

    public static string Of(ArticleAction action) => action switch
    {
        ArticleAction.Save => "save",
        ArticleAction.SaveDraft => "save-draft",
        ArticleAction.Schedule => "schedule",
        ArticleAction.Publish => "publish",
        ArticleAction.Unpublish => "unpublish",
        _ => "",
    };

    /// <summary>The workflow action a command asks for (submitting saves a draft first); null for an unknown command.</summary>
    public static ArticleAction? Parse(string? command) => command switch
    {
        "save" => ArticleAction.Save,
        "save-draft" or Submit => ArticleAction.SaveDraft,
        "schedule" => ArticleAction.Schedule,
        "publish" => ArticleAction.Publish,
        "unpublish" => ArticleAction.Unpublish,
        _ => null,
    };

    /// <summary>What the editor is told after a save, by the state the article is now in.</summary>
    public static string Describe(ArticleSaveResult result, Func<DateTime, string> display) => result.Status switch
    {
        ArticleStatus.Draft => $"Saved as a draft (revision {result.RevisionNumber}). Readers cannot see it.",
        ArticleStatus.Scheduled => $"Scheduled for {display(result.PublishedAt!.Value)} (revision {result.RevisionNumber}).",
        ArticleStatus.Published => $"Published (revision {result.RevisionNumber}). Readers see it now.",
        ArticleStatus.Unpublished => $"Unpublished (revision {result.RevisionNumber}). Readers get a “no longer available” page.",
        _ => "Saved.",
    };
}
