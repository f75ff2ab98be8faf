namespace NewsPortal.Core.Articles.Editing;

/// <summary>What came of a save: the article as stored, or the problems to show on the form (by <see cref="ArticleField"/>).</summary>
public sealed class ArticleSaveResult
{
    public int ArticleId { get; init; }
    public string Slug { get; init; } = "";
    public ArticleStatus Status { get; init; }
    public DateTime? PublishedAt { get; init; }
    public int RevisionNumber { get; init; }
    public bool NotFound { get; init; }

    /// <summary>The article changed after the form was opened; the error says what changed.</summary>
    public bool Conflict { get; init; }
    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();

    public bool Succeeded => !NotFound && Errors.Count == 0;

    public static ArticleSaveResult Missing() => new() { NotFound = true };

    public static ArticleSaveResult Failed(IReadOnlyDictionary<string, string> errors) => new() { Errors = errors };

    public static ArticleSaveResult Stale(string error) => new() { Conflict = true, Errors = new Dictionary<string, string> { [ArticleField.Form] = error } };

    public static ArticleSaveResult Failed(string field, string error) => new() { Errors = new Dictionary<string, string> { [field] = error } };
}
