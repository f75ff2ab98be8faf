namespace NewsPortal.Core.Articles;

/// <summary>A slug a section was once listed under; answers with a 301 to the section's current address.</summary>
public class SectionSlug
{
    public int Id { get; set; }
    public string Slug { get; set; } = "";
    public int SectionId { get; set; }
    public Section? Section { get; set; }
    public DateTime RetiredAt { get; set; }
}
