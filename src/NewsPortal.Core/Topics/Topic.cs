using NewsPortal.Core.Articles;

namespace NewsPortal.Core.Topics;

/// <summary>A special topic: a curated, ordered collection of articles with an intro and a cover.</summary>
public class Topic
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
    public string Slug { get; set; } = "";
    public string IntroMarkdown { get; set; } = "";

    /// <summary>HTML rendered from <see cref="IntroMarkdown"/> when the topic is saved.</summary>
    public string IntroHtml { get; set; } = "";

    public int? CoverImageId { get; set; }
    public MediaImage? CoverImage { get; set; }

    /// <summary>Open: the story goes on and articles are still added. Closed: the collection is complete.</summary>
    public bool IsOpen { get; set; } = true;

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public List<TopicArticle> Articles { get; set; } = [];
}

/// <summary>An article's place in a topic.</summary>
public class TopicArticle
{
    public int TopicId { get; set; }
    public Topic? Topic { get; set; }
    public int ArticleId { get; set; }
    public Article? Article { get; set; }
    public int Position { get; set; }
}

public static class TopicLimits
{
    public const int Title = 200;
    public const int Slug = 120;
    public const int Intro = 20_000;
    public const int MaxArticles = 200;
}
