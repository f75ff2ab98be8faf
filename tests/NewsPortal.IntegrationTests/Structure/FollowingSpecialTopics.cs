using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Structure;

public sealed class FollowingSpecialTopics(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Demo = "/topic/chengdu-chongqing-economic-circle";

    [Fact]
    public async Task The_demo_topic_gathers_the_seed_articles_with_feeds_sitemap_entry_and_collection_page_data()
    {
        var reader = factory.CreateBrowserClient();

        var (response, page) = await Html.GetAsync(reader, Demo);
        var (_, index) = await Html.GetAsync(reader, "/topics");
        var rss = await reader.GetStringAsync($"{Demo}/rss.xml");
        var atom = await reader.GetAsync($"{Demo}/atom.xml");
        var sitemap = await reader.GetStringAsync("/sitemap.xml");

        Html.AssertStatus(response, HttpStatusCode.OK);
        Assert.Equal("Chengdu-Chongqing Economic Circle", page.Text("main h1"));
        var headlines = page.QuerySelectorAll(".card-list article h2, .card-list .card h2, .card-list h2, .card-list h3").Select(h => h.TextContent.Trim()).ToList();
        Assert.Contains(headlines, h => h.Contains("Economic Circle Plans Shared Industrial Parks"));
        Assert.Contains(headlines, h => h.Contains("Corridor Logistics Hub"));
        var data = page.QuerySelectorAll("script[type='application/ld+json']").Select(s => JsonDocument.Parse(s.TextContent).RootElement)
            .Single(d => d.TryGetProperty("@type", out var type) && type.GetString() == "CollectionPage");
        Assert.Equal(2, data.GetProperty("mainEntity").GetProperty("numberOfItems").GetInt32());
        Assert.Contains("Chengdu-Chongqing Economic Circle", index.Text(".topics-index"));
        Assert.Contains("Corridor Logistics Hub", rss);
        Html.AssertStatus(atom, HttpStatusCode.OK);
        Assert.Equal("application/atom+xml", atom.Content.Headers.ContentType!.MediaType);
        Assert.Contains($"{Demo}</loc>", sitemap);
        var slug = await factory.WithDbAsync(db => db.Articles.Where(a => a.Headline.Contains("Corridor Logistics Hub")).Select(a => a.Slug).SingleAsync());
        var (_, article) = await Html.GetAsync(reader, $"/article/{slug}");
        Assert.Equal("Part of: Chengdu-Chongqing Economic Circle", article.Text(".part-of"));
        Assert.Equal(Demo, article.QuerySelector(".part-of a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task An_editor_builds_a_topic_in_order_and_member_pages_follow_each_change_at_once()
    {
        var first = await TestArticles.AddAsync(factory, "Yangtze water level falls");
        var second = await TestArticles.AddAsync(factory, "Ferries cut their timetable");
        var reader = factory.CreateBrowserClient();
        var (_, before) = await Html.GetAsync(reader, $"/article/{first.Slug}"); // cached now
        Assert.Null(before.QuerySelector(".part-of"));
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);

        var created = await SaveAsync(editor, "/staff/topics/edit", new()
        {
            ["Input.Title"] = "Dry Summer",
            ["Input.Intro"] = "The **driest** summer in decades.",
            ["Input.Articles"] = $"{second.Slug}\nhttps://news.example/article/{first.Slug}",
        });

        Html.AssertStatus(created, HttpStatusCode.Redirect);
        var (_, topic) = await Html.GetAsync(reader, "/topic/dry-summer");
        Assert.Equal("driest", topic.Text(".topic-intro strong"));
        Assert.Equal([$"/article/{second.Slug}", $"/article/{first.Slug}"], CardLinks(topic));
        Assert.Contains("Ongoing", topic.Text(".kicker"));
        var (_, member) = await Html.GetAsync(reader, $"/article/{first.Slug}");
        Assert.Equal("Part of: Dry Summer", member.Text(".part-of"));

        var edit = created.Headers.Location!.OriginalString.Split('?')[0];
        Html.AssertStatus(await SaveAsync(editor, edit, new() { ["Input.Articles"] = second.Slug, ["Input.IsOpen"] = "false" }), HttpStatusCode.Redirect);

        var (_, changed) = await Html.GetAsync(reader, "/topic/dry-summer");
        Assert.Equal([$"/article/{second.Slug}"], CardLinks(changed));
        Assert.Contains("Closed", changed.Text(".kicker"));
        var (_, left) = await Html.GetAsync(reader, $"/article/{first.Slug}");
        Assert.Null(left.QuerySelector(".part-of"));
    }

    [Fact]
    public async Task An_unknown_article_or_a_missing_title_is_refused_with_a_reason()
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);

        var unknown = await SaveAsync(editor, "/staff/topics/edit", new() { ["Input.Title"] = "Ghost Topic", ["Input.Articles"] = "no-such-article" });
        var untitled = await SaveAsync(editor, "/staff/topics/edit", new() { ["Input.Title"] = "" });

        Html.AssertStatus(unknown, (HttpStatusCode)422);
        Assert.Contains("No article has the address \"no-such-article\"", (await Html.ParseAsync(unknown)).Text("#topic-form"));
        Html.AssertStatus(untitled, (HttpStatusCode)422);
        Assert.Contains("Enter the topic's title.", (await Html.ParseAsync(untitled)).Text("#topic-form"));
        Assert.False(await factory.WithDbAsync(db => db.Topics.AnyAsync(t => t.Title == "Ghost Topic")));
    }

    private static List<string?> CardLinks(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll(".card-list a[href^='/article/']").Select(a => a.GetAttribute("href")).Distinct().ToList();

    private static async Task<HttpResponseMessage> SaveAsync(HttpClient editor, string url, Dictionary<string, string> values)
    {
        var (response, form) = await Html.GetAsync(editor, url);
        Html.AssertStatus(response, HttpStatusCode.OK);
        return await Html.SubmitAsync(editor, form, "#topic-form", values);
    }
}
