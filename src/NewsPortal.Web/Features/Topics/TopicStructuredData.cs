using System.Text.Json.Nodes;
using NewsPortal.Core.Topics;
using NewsPortal.Web.Platform.Site;

namespace NewsPortal.Web.Features.Topics;

/// <summary>schema.org CollectionPage for a special topic, listing its articles in order.</summary>
public static class TopicStructuredData
{
    public static JsonObject CollectionPage(TopicPage topic, string description, Func<string, string> url, string? image)
    {
        var items = new JsonArray();
        var position = 1;
        foreach (var article in topic.Articles)
        {
            items.Add(new JsonObject
            {
                ["@type"] = "ListItem",
                ["position"] = position++,
                ["url"] = url($"/article/{article.Slug}"),
                ["name"] = article.Headline,
            });
        }

        var page = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "CollectionPage",
            ["name"] = topic.Title,
            ["url"] = url($"/topic/{topic.Slug}"),
            ["description"] = description,
            ["dateModified"] = StructuredData.Iso(topic.UpdatedAt),
            ["mainEntity"] = new JsonObject { ["@type"] = "ItemList", ["numberOfItems"] = topic.Articles.Count, ["itemListElement"] = items },
        };
        if (image is not null)
        {
            page["image"] = url(image);
        }

        return page;
    }
}
