using NewsPortal.Core.Articles;
using NewsPortal.Core.Markdown;
using NewsPortal.Core.Topics;

namespace NewsPortal.Core.Seeding;

/// <summary>The demo's special topic: the seed articles about the Chengdu-Chongqing economic circle, oldest first.</summary>
internal static class DemoTopics
{
    private const string Intro =
        "Chongqing and Chengdu are building one economic circle: shared industrial parks, faster rail links and " +
        "joint planning for the two cities and the counties between them.\n\nThis page follows the story as it develops.";

    public static Topic? ChengduChongqing(IEnumerable<Article> articles, MarkdownRenderer markdown, DateTime now)
    {
        var members = articles
            .Where(a => a.Tags.Any(t => t.Slug == "chengdu-chongqing") || a.Headline.Contains("Chengdu", StringComparison.OrdinalIgnoreCase))
            .OrderBy(a => a.PublishedAt)
            .ToList();
        if (members.Count == 0)
        {
            return null;
        }

        var topic = new Topic
        {
            Title = "Chengdu-Chongqing Economic Circle",
            Slug = "chengdu-chongqing-economic-circle",
            IntroMarkdown = Intro,
            IntroHtml = markdown.Render(Intro).Html,
            IsOpen = true,
            CreatedAt = now,
            UpdatedAt = now,
        };
        for (var i = 0; i < members.Count; i++)
        {
            topic.Articles.Add(new TopicArticle { Article = members[i], Position = i + 1 });
        }

        return topic;
    }
}
