namespace NewsPortal.Core.Articles;

/// <summary>An article as a listing shows it.</summary>
public sealed record ArticleCard(
    int Id,
    string Headline,
    string Slug,
    string Standfirst,
    DateTime PublishedAt,
    string SectionName,
    string SectionSlug,
    MediaFile? CoverFile,
    string? CoverAddress,
    string? CoverCaption,
    int ReadingMinutes);

/// <summary>
/// An image in the media store, by the name its sizes are stored under, the widths stored (comma-separated) and
/// whether WebP files sit beside the JPEG ones; the web application makes its addresses.
/// </summary>
public sealed record MediaFile(string StorageName, string Extension, string Widths = "", bool HasWebp = false);

public sealed record NamedLink(string Name, string Slug);

/// <summary>Everything the article page shows.</summary>
public sealed record ArticleDetail(
    int Id,
    string Headline,
    string Slug,
    string Standfirst,
    string BodyHtml,
    DateTime PublishedAt,
    DateTime UpdatedAt,
    string? Source,
    NamedLink Section,
    string? CoverAddress,
    MediaImage? CoverImage,
    string? CoverCaption,
    string? CoverCredit,
    int ReadingMinutes,
    IReadOnlyList<NamedLink> Tags,
    IReadOnlyList<NamedLink> Authors,
    IReadOnlyList<ArticleCorrection> Corrections,
    IReadOnlyList<ArticleCard> Related,
    ArticleCard? Previous,
    ArticleCard? Next,
    string Language = ArticleLanguage.English,
    TranslationLink? Translation = null)
{
    /// <summary>This article and every other article the page shows as a card or link (its translation too).</summary>
    public IEnumerable<int> ShownArticleIds() =>
        Related.Select(r => r.Id).Append(Id).Concat(new[] { Previous?.Id, Next?.Id, Translation?.Id }.OfType<int>());
}

/// <summary>The same story in another language, published: the page links to it and names it as its hreflang alternate.</summary>
public sealed record TranslationLink(int Id, string Slug, string Headline, string Language);

public abstract record ArticleLookup
{
    public sealed record Found(ArticleDetail Article) : ArticleLookup;

    /// <summary>The slug is an old one; the article now lives at <paramref name="Slug"/>.</summary>
    public sealed record Moved(string Slug) : ArticleLookup;

    /// <summary>The article existed but has been withdrawn.</summary>
    public sealed record Gone : ArticleLookup;

    public sealed record NotFound : ArticleLookup;
}

public sealed record SectionBlock(Section Section, IReadOnlyList<ArticleCard> Articles);

/// <summary>The home page: the lead and featured stories editors chose (newest first where they chose none), and the rest.</summary>
public sealed record HomePage(
    ArticleCard? Lead,
    IReadOnlyList<ArticleCard> Latest,
    IReadOnlyList<SectionBlock> Sections,
    IReadOnlyList<ArticleCard> MostRead)
{
    /// <summary>The featured stories editors chose, in their order; empty when they chose none.</summary>
    public IReadOnlyList<ArticleCard> Featured { get; init; } = [];

    public IEnumerable<ArticleCard> AllCards() =>
        (Lead is null ? Latest : Latest.Prepend(Lead)).Concat(Featured).Concat(Sections.SelectMany(s => s.Articles)).Concat(MostRead);
}

/// <summary>A listing's heading (section, tag or author) and one page of it.</summary>
public sealed record Listing(int Id, string Kind, string Name, string Slug, string Description, ArticlePage Page);
