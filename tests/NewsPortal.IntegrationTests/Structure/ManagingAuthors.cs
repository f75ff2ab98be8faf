using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.IntegrationTests.Newsroom;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace NewsPortal.IntegrationTests.Structure;

public sealed class ManagingAuthors(NewsroomFactory factory) : IClassFixture<NewsroomFactory>
{
    [Fact]
    public async Task An_author_named_in_chinese_gets_a_page_with_bio_photo_and_links_and_joins_the_authors_index()
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        var reader = factory.CreateBrowserClient();
        var (_, before) = await Html.GetAsync(reader, "/authors"); // now cached
        Assert.DoesNotContain("陈璐", before.Text("main"));

        var (_, form) = await Html.GetAsync(editor, "/staff/authors/edit");
        var saved = await ArticleForms.SubmitWithFileAsync(editor, form, "#author-form", new Dictionary<string, string>
        {
            ["Input.Name"] = "陈璐",
            ["Input.Slug"] = "", // made from the name
            ["Input.Bio"] = "Covers the Chengdu-Chongqing economic circle from Jiefangbei.",
            ["Input.Links"] = "https://example.org/chen-lu\nhttps://social.example.com/@chenlu",
        }, "Photo", Picture(800, 600), "portrait.jpg", "image/jpeg");

        Html.AssertStatus(saved, HttpStatusCode.Redirect);
        var (_, edit) = await Html.GetAsync(editor, saved.Headers.Location!.OriginalString);
        Assert.Contains("Author saved", edit.Text(".notice"));
        var article = await TestArticles.AddAsync(factory, "Rail link shortens the Chengdu-Chongqing trip");
        await factory.WithDbAsync(async db =>
        {
            var stored = await db.Articles.Include(a => a.Authors).SingleAsync(a => a.Id == article.Id);
            stored.Authors.Add(await db.Authors.SingleAsync(a => a.Slug == "chen-lu"));
            await db.SaveChangesAsync();
        });

        var (response, page) = await Html.GetAsync(reader, "/author/chen-lu");
        Html.AssertStatus(response, HttpStatusCode.OK);
        Assert.Equal("陈璐", page.Text("main h1"));
        Assert.Contains("Covers the Chengdu-Chongqing economic circle", page.Text(".listing-header"));
        var photo = page.QuerySelector(".author-profile img.author-photo")!;
        Assert.StartsWith("/media/", photo.GetAttribute("src"));
        Html.AssertStatus(await reader.GetAsync(photo.GetAttribute("src")), HttpStatusCode.OK);
        Assert.Equal(["example.org", "social.example.com"], page.QuerySelectorAll(".author-links a").Select(a => a.TextContent).ToArray());
        Assert.Contains("Rail link shortens the Chengdu-Chongqing trip", page.Text(".card-list"));
        var (_, index) = await Html.GetAsync(reader, "/authors");
        var entry = index.QuerySelectorAll(".authors-index li").Single(li => li.TextContent.Contains("陈璐"));
        Assert.Equal("/author/chen-lu", entry.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("1 story", entry.TextContent);
    }

    [Fact]
    public async Task Changing_an_author_shows_on_their_page_at_once()
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        var article = await TestArticles.AddAsync(factory, "Hotpot prices rise before the holiday");
        await factory.WithDbAsync(async db =>
        {
            var stored = await db.Articles.Include(a => a.Authors).SingleAsync(a => a.Id == article.Id);
            stored.Authors.Add(new Author { Name = "Wang Fang", Slug = "wang-fang" });
            await db.SaveChangesAsync();
        });
        var id = await factory.WithDbAsync(db => db.Authors.Where(a => a.Slug == "wang-fang").Select(a => a.Id).SingleAsync());
        var reader = factory.CreateBrowserClient();
        var (_, before) = await Html.GetAsync(reader, "/author/wang-fang");
        Assert.DoesNotContain("Food and markets", before.Text("main"));

        var (_, form) = await Html.GetAsync(editor, $"/staff/authors/edit/{id}");
        var saved = await Html.SubmitAsync(editor, form, "#author-form", new Dictionary<string, string> { ["Input.Bio"] = "Food and markets reporter." });

        Html.AssertStatus(saved, HttpStatusCode.Redirect);
        var (_, after) = await Html.GetAsync(reader, "/author/wang-fang");
        Assert.Contains("Food and markets reporter.", after.Text(".listing-header"));
    }

    [Fact]
    public async Task A_bad_link_a_missing_name_a_taken_address_or_a_file_that_is_not_an_image_is_refused_with_a_reason()
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        await factory.WithDbAsync(async db =>
        {
            db.Authors.Add(new Author { Name = "Li Ming", Slug = "li-ming" });
            await db.SaveChangesAsync();
        });
        var (_, form) = await Html.GetAsync(editor, "/staff/authors/edit");

        var badLink = await Html.SubmitAsync(editor, form, "#author-form", new Dictionary<string, string> { ["Input.Name"] = "Zhou Yan", ["Input.Links"] = "javascript:alert(1)" });
        var noName = await Html.SubmitAsync(editor, form, "#author-form", new Dictionary<string, string> { ["Input.Name"] = " " });
        var taken = await Html.SubmitAsync(editor, form, "#author-form", new Dictionary<string, string> { ["Input.Name"] = "Another Li Ming", ["Input.Slug"] = "li-ming" });
        var notImage = await ArticleForms.SubmitWithFileAsync(editor, form, "#author-form", new Dictionary<string, string> { ["Input.Name"] = "Zhou Yan" },
            "Photo", "not a picture"u8.ToArray(), "photo.jpg", "image/jpeg");

        foreach (var (response, expected) in new[]
        {
            (badLink, "is not a web address"), (noName, "Enter the author's name."),
            (taken, "Another author already uses this address"), (notImage, "not an image we can read"),
        })
        {
            Html.AssertStatus(response, (HttpStatusCode)422);
            Assert.Contains(expected, (await Html.ParseAsync(response)).Text("#author-form"));
        }

        Assert.False(await factory.WithDbAsync(db => db.Authors.AnyAsync(a => a.Name == "Zhou Yan" || a.Name == "Another Li Ming")));
    }

    private static byte[] Picture(int width, int height)
    {
        using var image = new Image<Rgb24>(width, height, new Rgb24(200, 120, 60));
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream);
        return stream.ToArray();
    }
}
