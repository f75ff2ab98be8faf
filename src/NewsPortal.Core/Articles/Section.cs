namespace NewsPortal.Core.Articles;

public class Section
{
    public int Id { get; set; }
    public string Name { get; set; } = "";

    /// <summary>The name Chinese readers see (under /zh); null: the name above.</summary>
    public string? ChineseName { get; set; }
    public string Slug { get; set; } = "";
    public string Description { get; set; } = "";
    public int SortOrder { get; set; }

    /// <summary>Left out of the navigation and the front page; its page and articles still answer.</summary>
    public bool IsHidden { get; set; }

    public List<Article> Articles { get; set; } = [];
    public List<SectionSlug> SlugHistory { get; set; } = [];
}

public class Tag
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Slug { get; set; } = "";
    public List<Article> Articles { get; set; } = [];
}

public class Author
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Slug { get; set; } = "";
    public string Bio { get; set; } = "";

    public int? PhotoId { get; set; }
    public MediaImage? Photo { get; set; }

    /// <summary>The author's pages elsewhere (a profile, a social account): absolute http(s) addresses, one a line.</summary>
    public string Links { get; set; } = "";

    public List<Article> Articles { get; set; } = [];
}

/// <summary>A slug an article was once published under; answers with a 301 to the current URL.</summary>
public class ArticleSlug
{
    public int Id { get; set; }
    public string Slug { get; set; } = "";
    public int ArticleId { get; set; }
    public Article? Article { get; set; }
    public DateTime RetiredAt { get; set; }
}

/// <summary>A snapshot of an article's editable fields, kept on every save.</summary>
public class ArticleRevision
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public Article? Article { get; set; }
    public int Number { get; set; }
    public DateTime CreatedAt { get; set; }
    public string EditedBy { get; set; } = "";
    public string Headline { get; set; } = "";
    public string Slug { get; set; } = "";
    public string Standfirst { get; set; } = "";
    public string BodyMarkdown { get; set; } = "";
    public string? Source { get; set; }
    public string? CoverCaption { get; set; }
    public string? CoverCredit { get; set; }
    public int SectionId { get; set; }
    public string TagNames { get; set; } = "";
    public string AuthorNames { get; set; } = "";
}

/// <summary>A correction shown to readers under the article, with its date.</summary>
public class ArticleCorrection
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public Article? Article { get; set; }
    public string Text { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

/// <summary>An uploaded image, stored outside the source tree in several widths.</summary>
public class MediaImage
{
    public int Id { get; set; }

    /// <summary>Random file stem; files are named "{StorageName}-{width}.{ext}".</summary>
    public string StorageName { get; set; } = "";
    public string Extension { get; set; } = "jpg";
    public string ContentType { get; set; } = "image/jpeg";
    public int Width { get; set; }
    public int Height { get; set; }

    /// <summary>Comma-separated widths that exist on disk, e.g. "320,640,1280".</summary>
    public string Widths { get; set; } = "";
    public string OriginalFileName { get; set; } = "";
    public long Bytes { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Every width is also stored as WebP ("{StorageName}-{width}.webp").</summary>
    public bool HasWebp { get; set; }
}
