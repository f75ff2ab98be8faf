using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Structure;

public sealed class MergingTags(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_tags_index_counts_published_stories_and_a_merge_moves_them_to_one_tag()
    {
        var metro = await TaggedAsync("Line 18 opens to Jiangbei", "Metro Lines");
        var subway = await TaggedAsync("Night trains on Line 3", "Subway");
        var both = await TaggedAsync("Fares fall on two lines", "Metro Lines", "Subway");
        await TestArticles.AddAsync(factory, "A draft about the metro", ArticleStatus.Draft);
        var reader = factory.CreateBrowserClient();
        var (_, before) = await Html.GetAsync(reader, "/tags");
        Assert.Equal("2", Count(before, "metro-lines"));
        Assert.Equal("2", Count(before, "subway"));

        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        var (_, list) = await Html.GetAsync(editor, "/staff/tags");
        var ids = await factory.WithDbAsync(db => db.Tags.Where(t => t.Slug == "subway" || t.Slug == "metro-lines").ToDictionaryAsync(t => t.Slug, t => t.Id));
        var merged = await Html.SubmitAsync(editor, list, "#merge-form", new Dictionary<string, string>
        {
            ["from"] = ids["subway"].ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["into"] = ids["metro-lines"].ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        Html.AssertStatus(merged, HttpStatusCode.Redirect);
        var (_, done) = await Html.GetAsync(editor, "/staff/tags");
        Assert.Equal("\"Subway\" merged into \"Metro Lines\": 2 articles moved.", done.Text(".notice"));
        var (_, after) = await Html.GetAsync(reader, "/tags");
        Assert.Equal("3", Count(after, "metro-lines"));
        Assert.Null(after.QuerySelector("a[href='/tag/subway']"));
        var moved = await reader.GetAsync("/tag/subway?page=1");
        Html.AssertStatus(moved, HttpStatusCode.MovedPermanently);
        Assert.Equal("/tag/metro-lines?page=1", moved.Headers.Location!.OriginalString);
        Assert.Equal("/zh/tag/metro-lines", (await reader.GetAsync("/zh/tag/subway")).Headers.Location!.OriginalString);
        Html.AssertStatus(await reader.GetAsync("/tag/never-a-tag"), HttpStatusCode.NotFound);
        var (_, tagPage) = await Html.GetAsync(reader, "/tag/metro-lines");
        foreach (var id in new[] { metro, subway, both })
        {
            var tags = await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == id).SelectMany(a => a.Tags.Select(t => t.Slug)).ToListAsync());
            Assert.Equal(["metro-lines"], tags);
        }

        Assert.Contains("Night trains on Line 3", tagPage.Text(".card-list"));

        // Merged once more: both old addresses lead to the tag that is left.
        await TaggedAsync("Bus lanes on the bridges", "Transit");
        var transit = await factory.WithDbAsync(db => db.Tags.Where(t => t.Slug == "transit").Select(t => t.Id).SingleAsync());
        var (_, again) = await Html.GetAsync(editor, "/staff/tags");
        Html.AssertStatus(await Html.SubmitAsync(editor, again, "#merge-form", new Dictionary<string, string>
        {
            ["from"] = ids["metro-lines"].ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["into"] = transit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }), HttpStatusCode.Redirect);
        foreach (var old in new[] { "subway", "metro-lines" })
        {
            var answer = await reader.GetAsync($"/tag/{old}");
            Html.AssertStatus(answer, HttpStatusCode.MovedPermanently);
            Assert.Equal("/tag/transit", answer.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task Merging_a_tag_into_itself_is_refused_with_a_reason()
    {
        await TaggedAsync("Ferries return to Chaotianmen", "Ferries");
        await TaggedAsync("Cable car queues", "Cable Car");
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        var (_, list) = await Html.GetAsync(editor, "/staff/tags");
        var id = await factory.WithDbAsync(db => db.Tags.Where(t => t.Slug == "ferries").Select(t => t.Id).SingleAsync());
        var value = id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var refused = await Html.SubmitAsync(editor, list, "#merge-form", new Dictionary<string, string> { ["from"] = value, ["into"] = value });

        Html.AssertStatus(refused, (HttpStatusCode)422);
        Assert.Equal("Choose two different tags to merge.", (await Html.ParseAsync(refused)).Text(".errors"));
        Assert.True(await factory.WithDbAsync(db => db.Tags.AnyAsync(t => t.Id == id)));
    }

    private static string Count(AngleSharp.Dom.IDocument page, string slug) =>
        page.QuerySelector($".tags-index a[href='/tag/{slug}']")?.ParentElement?.QuerySelector(".count")?.TextContent.Trim() ?? "";

    private async Task<int> TaggedAsync(string headline, params string[] tags)
    {
        var article = await TestArticles.AddAsync(factory, headline);
        await factory.WithDbAsync(async db =>
        {
            var stored = await db.Articles.Include(a => a.Tags).SingleAsync(a => a.Id == article.Id);
            foreach (var name in tags)
            {
                var slug = Slug.From(name);
                stored.Tags.Add(await db.Tags.SingleOrDefaultAsync(t => t.Slug == slug) ?? new Tag { Name = name, Slug = slug });
            }

            await db.SaveChangesAsync();
        });
        return article.Id;
    }
}
