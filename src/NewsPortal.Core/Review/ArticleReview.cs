namespace NewsPortal.Core.Review;

/// <summary>Where a draft stands in review.</summary>
public enum ReviewState
{
    /// <summary>Being written; not yet sent for review.</summary>
    Writing = 0,

    /// <summary>Sent for review: waits in the editors' queue.</summary>
    Submitted = 1,

    /// <summary>Sent back to its reporter with a comment.</summary>
    Returned = 2,

    /// <summary>Approved by an editor: published or scheduled.</summary>
    Approved = 3,
}

/// <summary>
/// The review record of an article written through the staff pages: who owns it (the member of staff who created
/// it) and where it stands in review. Readers never see it.
/// </summary>
public class ArticleReview
{
    public int ArticleId { get; set; }
    public string OwnerId { get; set; } = "";
    public string OwnerName { get; set; } = "";
    public ReviewState State { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A comment on an article in review (the reason it was returned, or a note between reporter and editor).</summary>
public class ReviewComment
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public string AuthorId { get; set; } = "";
    public string AuthorName { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// "Someone is editing this": renewed while a member of staff has an article's form open, and trusted only until
/// <see cref="EditingPresence.LeaseLength"/> after the last renewal. A notice, never a lock.
/// </summary>
public class EditingLease
{
    public int ArticleId { get; set; }
    public string UserId { get; set; } = "";
    public string UserName { get; set; } = "";
    public DateTime RenewedAt { get; set; }
}
