namespace NewsPortal.Core.Activity;

/// <summary>One thing a member of staff (or the site itself) did, kept for <c>Activity:RetentionDays</c>.</summary>
public class ActivityEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }

    /// <summary>The account that did it; empty when the site did it itself (scheduled publishing).</summary>
    public string ActorId { get; set; } = "";

    /// <summary>Who did it, as shown (kept when the account goes).</summary>
    public string ActorName { get; set; } = "";

    /// <summary>One of <see cref="ActivityActions"/>.</summary>
    public string Action { get; set; } = "";

    /// <summary>The article it was done to, when it was an article.</summary>
    public int? ArticleId { get; set; }

    /// <summary>What it was done to, in words (a headline, a policy page, an account).</summary>
    public string Subject { get; set; } = "";

    /// <summary>More about it (a comment, the new role), or empty.</summary>
    public string Detail { get; set; } = "";
}

/// <summary>The actions the activity log records, in the words the log page shows.</summary>
public static class ActivityActions
{
    public const string Created = "created";
    public const string Edited = "edited";
    public const string Submitted = "submitted";
    public const string Returned = "returned";
    public const string Commented = "commented";
    public const string Scheduled = "scheduled";
    public const string Published = "published";
    public const string Unpublished = "unpublished";
    public const string SettingsChanged = "settings changed";
    public const string PolicyChanged = "policy changed";
    public const string SignedIn = "signed in";
    public const string RoleChanged = "role changed";
    public const string AccountCreated = "account created";
    public const string MediaDescribed = "media described";

    public static readonly IReadOnlyList<string> All =
    [
        Created, Edited, Submitted, Returned, Commented, Scheduled, Published, Unpublished,
        SettingsChanged, PolicyChanged, SignedIn, RoleChanged, AccountCreated, MediaDescribed,
    ];

    public const int SubjectLength = 300;
    public const int DetailLength = 1000;
}
