namespace NewsPortal.Core.Articles;

public enum ArticleStatus
{
    Draft = 0,
    Scheduled = 1,
    Published = 2,
    Unpublished = 3,
}

/// <summary>A news story. Times are UTC; views convert to the site's time zone.</summary>
public class Article
{
    public int Id { get; set; }
    public string Headline { get; set; } = "";
    public string Slug { get; set; } = "";
    public string Standfirst { get; set; } = "";
    public string BodyMarkdown { get; set; } = "";

    /// <summary>HTML rendered from <see cref="BodyMarkdown"/> when the article is saved.</summary>
    public string BodyHtml { get; set; } = "";

    /// <summary>Plain text of the body, kept for search, snippets and reading time.</summary>
    public string BodyText { get; set; } = "";

    public ArticleStatus Status { get; set; }

    /// <summary>When readers may first see the article (set for Scheduled and Published).</summary>
    public DateTime? PublishedAt { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public int SectionId { get; set; }
    public Section? Section { get; set; }

    public string? Source { get; set; }

    /// <summary>The language the article is written in (<see cref="ArticleLanguage"/>): html lang, feeds, search analysis.</summary>
    public string Language { get; set; } = ArticleLanguage.English;

    /// <summary>The same story in another language; the two articles name each other.</summary>
    public int? TranslationId { get; set; }
    public Article? Translation { get; set; }

    public int? CoverImageId { get; set; }
    public MediaImage? CoverImage { get; set; }

    /// <summary>Used for a cover that lives at a fixed URL (demo content) rather than an upload.</summary>
    public string? CoverImageUrl { get; set; }
    public string? CoverCaption { get; set; }
    public string? CoverCredit { get; set; }

    public int ReadingMinutes { get; set; }

    /// <summary>Counted outside page handlers and flushed in batches.</summary>
    public long ViewCount { get; set; }

    public List<Tag> Tags { get; set; } = [];
    public List<Author> Authors { get; set; } = [];
    public List<ArticleSlug> SlugHistory { get; set; } = [];
    public List<ArticleRevision> Revisions { get; set; } = [];
    public List<ArticleCorrection> Corrections { get; set; } = [];
}
