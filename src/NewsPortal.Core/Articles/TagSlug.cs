namespace NewsPortal.Core.Articles;

/// <summary>An address a tag answered at before it was merged into another: it leads to that tag for good.</summary>
public class TagSlug
{
    public int Id { get; set; }
    public string Slug { get; set; } = "";
    public int TagId { get; set; }
    public Tag? Tag { get; set; }
    public DateTime RetiredAt { get; set; }
}
