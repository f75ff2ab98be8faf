using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.IntegrationTests.Newsroom;
using NewsPortal.Web.Features.Staff.Articles;

namespace NewsPortal.IntegrationTests.MediaLibrary;

public sealed class ShowingLibraryMediaInArticles(MediaLibraryFactory factory) : IClassFixture<MediaLibraryFactory>
{
    private async Task<(HttpClient Editor, int First, int Second, string FirstStorage)> TwoPicturesAsync(string words)
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        var first = await LibraryForms.AddAsync(editor, new(MediaSamples.Picture(1400, 700), "a.jpg", "image/jpeg", $"{words}: the first view", "Library caption one", "Photo Desk"));
        var second = await LibraryForms.AddAsync(editor, new(MediaSamples.Picture(900, 600, "png"), "b.png", "image/png", $"{words}: the second view", "Library caption two"));
        var storage = await factory.WithDbAsync(db => db.MediaItems.Where(m => m.Id == first).Select(m => m.Image!.StorageName).SingleAsync());
        return (editor, first, second, storage);
    }

    private static JsonElement ArticleJsonLd(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("script[type='application/ld+json']").Select(s => JsonDocument.Parse(s.TextContent).RootElement)
            .Single(e => e.GetProperty("@type").GetString() == "NewsArticle");

    [Fact]
    public async Task A_library_picture_in_the_body_is_a_figure_with_webp_and_jpeg_sizes_dimensions_lazy_loading_caption_and_credit()
    {
        var (editor, first, _, storage) = await TwoPicturesAsync("Bridge");
        await ArticleForms.CreateAsync(factory, editor, "Bridge lights switched on", $"The lights came on at six.\n\n![The bridge at night](media:{first})\n\nCrowds watched.", "publish");

        var (response, page) = await Html.GetAsync(factory.CreateBrowserClient(), "/article/bridge-lights-switched-on");

        Html.AssertStatus(response, HttpStatusCode.OK);
        var figure = page.QuerySelector(".article-body figure.media-figure")!;
        var source = figure.QuerySelector("picture source[type='image/webp']")!;
        Assert.Contains($"/media/{storage}-1280.webp 1280w", source.GetAttribute("srcset"));
        var img = figure.QuerySelector("picture img")!;
        Assert.Equal($"/media/{storage}-640.jpg", img.GetAttribute("src"));
        Assert.Contains($"/media/{storage}-320.jpg 320w", img.GetAttribute("srcset"));
        Assert.Equal("(max-width: 800px) 100vw, 800px", img.GetAttribute("sizes"));
        Assert.Equal(("1280", "640"), (img.GetAttribute("width"), img.GetAttribute("height")));
        Assert.Equal("lazy", img.GetAttribute("loading"));
        Assert.Equal("Bridge: the first view", img.GetAttribute("alt"));
        Assert.Equal("The bridge at night Credit: Photo Desk", figure.QuerySelector("figcaption")!.TextContent);
        Assert.Null(figure.Closest("p"));
        var images = ArticleJsonLd(page).GetProperty("image").EnumerateArray().ToList();
        Assert.Contains(images, i => i.ValueKind == JsonValueKind.Object && i.GetProperty("@type").GetString() == "ImageObject"
            && i.GetProperty("contentUrl").GetString()!.EndsWith($"/media/{storage}-1280.jpg", StringComparison.Ordinal)
            && i.GetProperty("creditText").GetString() == "Photo Desk");
    }

    [Fact]
    public async Task Describing_a_picture_again_changes_every_article_that_shows_it_at_once_and_a_bad_description_is_refused()
    {
        var (editor, first, _, _) = await TwoPicturesAsync("Ferry");
        await ArticleForms.CreateAsync(factory, editor, "Ferry pier reopens", $"The pier is open again.\n\n![](media:{first})\n", "publish");
        var reader = factory.CreateBrowserClient();
        var (_, before) = await Html.GetAsync(reader, "/article/ferry-pier-reopens");
        Assert.Equal("Ferry: the first view", before.QuerySelector(".article-body figure img")!.GetAttribute("alt"));
        var revisions = await factory.WithDbAsync(db => db.ArticleRevisions.CountAsync(r => r.Article!.Slug == "ferry-pier-reopens"));

        // No alt text: refused beside the field, nothing changed.
        var (_, itemPage) = await Html.GetAsync(editor, $"/staff/media/{first}");
        var refused = await Html.SubmitAsync(editor, itemPage, "#media-describe-form", new Dictionary<string, string> { ["Input.AltText"] = "  " });
        Html.AssertStatus(refused, HttpStatusCode.BadRequest);
        Assert.Contains("Describe what the picture or video shows", (await Html.ParseAsync(refused)).Text("#media-describe-form .errors"));
        Assert.Equal("Ferry: the first view", await factory.WithDbAsync(db => db.MediaItems.Where(m => m.Id == first).Select(m => m.AltText).SingleAsync()));

        var saved = await Html.SubmitAsync(editor, itemPage, "#media-describe-form", new Dictionary<string, string>
        {
            ["Input.AltText"] = "Passengers boarding the Chaotianmen ferry",
            ["Input.Caption"] = "Boarding at dawn",
            ["Input.Credit"] = "River Desk",
        });
        Html.AssertStatus(saved, HttpStatusCode.Redirect);

        var (_, after) = await Html.GetAsync(reader, "/article/ferry-pier-reopens");
        Assert.Equal("Passengers boarding the Chaotianmen ferry", after.QuerySelector(".article-body figure img")!.GetAttribute("alt"));
        Assert.Contains("River Desk", after.QuerySelector(".article-body figure figcaption")!.TextContent);
        Assert.Equal(revisions, await factory.WithDbAsync(db => db.ArticleRevisions.CountAsync(r => r.Article!.Slug == "ferry-pier-reopens")));
        var (_, log) = await Html.GetAsync(editor, "/staff/activity?action=media+described");
        Assert.Contains($"Media item {first}", log.QuerySelector("#activity-table")!.TextContent);
    }

    [Fact]
    public async Task A_gallery_is_a_grid_of_links_to_the_large_pictures_with_captions_and_its_viewer_script_comes_from_a_file()
    {
        var (editor, first, second, storage) = await TwoPicturesAsync("Gallery");
        await ArticleForms.CreateAsync(factory, editor, "Lantern night in pictures",
            $"Scenes from the evening.\n\n::: gallery\n![Lanterns over the water](media:{first})\n![](media:{second})\n:::\n", "publish");
        var reader = factory.CreateBrowserClient();

        var (response, page) = await Html.GetAsync(reader, "/article/lantern-night-in-pictures");

        var items = page.QuerySelectorAll(".gallery[data-gallery] .gallery-grid > li");
        Assert.Equal(2, items.Length);
        Assert.Equal($"/media/{storage}-1280.jpg", items[0].QuerySelector("a.gallery-link")!.GetAttribute("href"));
        Assert.Equal("Lanterns over the water Credit: Photo Desk", items[0].QuerySelector("figcaption")!.TextContent);
        Assert.Equal("Library caption two", items[1].QuerySelector("figcaption")!.TextContent);
        Assert.Equal("Gallery: the second view", items[1].QuerySelector("img")!.GetAttribute("alt"));
        Assert.NotNull(page.QuerySelector("script[src='/js/gallery.js']"));
        Assert.Empty(page.QuerySelectorAll("script:not([src]):not([type='application/ld+json'])"));
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        var script = await reader.GetAsync("/js/gallery.js");
        Html.AssertStatus(script, HttpStatusCode.OK);
        Assert.Contains("showModal", await script.Content.ReadAsStringAsync());
        Assert.Equal(2, ArticleJsonLd(page).GetProperty("image").EnumerateArray().Count(i => i.ValueKind == JsonValueKind.Object));
        Html.AssertStatus(await reader.GetAsync(items[1].QuerySelector("a.gallery-link")!.GetAttribute("href")), HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("![Skyline](https://example.com/skyline.jpg)", "is on another site")]
    [InlineData("![Skyline](//cdn.example.net/skyline.jpg)", "is on another site")]
    [InlineData("Look: ![x](media:{0}) here.", "on a line of its own")]
    [InlineData("![x](media:987654)", "no item 987654 in the media library")]
    [InlineData("::: gallery\nSome words\n![x](media:{0})\n:::", "A gallery holds library pictures only")]
    public async Task A_body_with_a_picture_readers_could_not_see_is_refused_with_a_message_and_nothing_is_saved(string body, string message)
    {
        var (editor, first, _, _) = await TwoPicturesAsync("Refused");
        var headline = "Refused picture story " + Guid.NewGuid().ToString("N")[..8];

        var response = await ArticleForms.SubmitAsync(editor, ArticleForms.NewArticle, "publish", new Dictionary<string, string>
        {
            ["Input.Headline"] = headline,
            ["Input.SectionId"] = (await ArticleForms.SectionIdAsync(factory)).ToString(CultureInfo.InvariantCulture),
            ["Input.Body"] = string.Format(CultureInfo.InvariantCulture, body, first),
        });

        Html.AssertStatus(response, HttpStatusCode.BadRequest);
        Assert.Contains(message, (await Html.ParseAsync(response)).Text("#article-form .errors"));
        Assert.False(await factory.WithDbAsync(db => db.Articles.AnyAsync(a => a.Headline == headline)));
    }

    [Fact]
    public async Task The_import_command_refuses_a_file_with_a_picture_on_another_site_and_imports_one_with_a_library_picture()
    {
        var (_, first, _, storage) = await TwoPicturesAsync("Import");
        var folder = Directory.CreateTempSubdirectory("newsportal-import-media-").FullName;
        try
        {
            const string Head = "---\nheadline: {0}\nslug: {1}\nsection: city\nstatus: published\npublished: 2026-11-20T08:30:00+08:00\n---\n";
            await File.WriteAllTextAsync(Path.Combine(folder, "offsite.md"),
                string.Format(CultureInfo.InvariantCulture, Head, "Hotlinked picture", "hotlinked-picture") + "Text.\n\n![Elsewhere](http://images.example.org/a.jpg)\n");
            await File.WriteAllTextAsync(Path.Combine(folder, "library.md"),
                string.Format(CultureInfo.InvariantCulture, Head, "Library picture imported", "library-picture-imported") + $"Text.\n\n![Ours](media:{first})\n");
            using var console = new CommandConsole(width: 300);

            var exit = await NewsroomCommands.ImportAsync(factory.Services, folder, console.Console, CancellationToken.None);

            Assert.Equal(1, exit);
            Assert.Contains("offsite.md", console.Output);
            Assert.Contains("is on another site", console.Output);
            Assert.False(await factory.WithDbAsync(db => db.Articles.AnyAsync(a => a.Slug == "hotlinked-picture")));
            var html = await factory.WithDbAsync(db => db.Articles.Where(a => a.Slug == "library-picture-imported").Select(a => a.BodyHtml).SingleAsync());
            Assert.Contains($"/media/{storage}-640.jpg", html);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Listing_cards_offer_webp_and_jpeg_covers_in_every_stored_width_at_the_size_they_are_shown()
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        var cover = await LibraryForms.AddAsync(editor, new(MediaSamples.Picture(1400, 700), "tram.jpg", "image/jpeg", "The new tram at the depot"));
        var storage = await factory.WithDbAsync(db => db.MediaItems.Where(m => m.Id == cover).Select(m => m.Image!.StorageName).SingleAsync());
        await ArticleForms.CreateAsync(factory, editor, "New tram enters service", "The first run was full.", "publish", new Dictionary<string, string>
        {
            ["Input.CoverFromLibrary"] = cover.ToString(CultureInfo.InvariantCulture),
        });

        var (_, section) = await Html.GetAsync(factory.CreateBrowserClient(), "/section/city");

        var card = section.QuerySelectorAll("article.card").Single(c => c.QuerySelector("h3")!.TextContent == "New tram enters service");
        var webp = card.QuerySelector(".card-image picture source[type='image/webp']")!;
        Assert.Equal($"/media/{storage}-320.webp 320w, /media/{storage}-640.webp 640w, /media/{storage}-1280.webp 1280w", webp.GetAttribute("srcset"));
        var img = card.QuerySelector(".card-image picture img")!;
        Assert.Equal($"/media/{storage}-640.jpg", img.GetAttribute("src"));
        Assert.Contains($"/media/{storage}-320.jpg 320w", img.GetAttribute("srcset"));
        Assert.Equal("(max-width: 48rem) 6rem, 9rem", img.GetAttribute("sizes"));
        Assert.Equal(img.GetAttribute("sizes"), webp.GetAttribute("sizes"));
        foreach (var file in new[] { $"/media/{storage}-320.webp", $"/media/{storage}-320.jpg" })
        {
            Html.AssertStatus(await factory.CreateBrowserClient().GetAsync(file), HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task Feeds_carry_each_cover_as_media_content_and_the_news_sitemap_an_image_entry()
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        var cover = await LibraryForms.AddAsync(editor, new(MediaSamples.Picture(1400, 700), "cover.jpg", "image/jpeg", "Night market lights"));
        var storage = await factory.WithDbAsync(db => db.MediaItems.Where(m => m.Id == cover).Select(m => m.Image!.StorageName).SingleAsync());
        await ArticleForms.CreateAsync(factory, editor, "Night market opens for winter", "Stalls until midnight.", "publish", new Dictionary<string, string>
        {
            ["Input.CoverFromLibrary"] = cover.ToString(CultureInfo.InvariantCulture),
            ["Input.CoverCaption"] = "Stalls on the first night.",
        });
        var reader = factory.CreateBrowserClient();
        XNamespace media = "http://search.yahoo.com/mrss/";
        XNamespace atom = "http://www.w3.org/2005/Atom";
        XNamespace image = "http://www.google.com/schemas/sitemap-image/1.1";
        XNamespace sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var expected = $"http://localhost/media/{storage}-1280.jpg";

        var rss = XDocument.Parse(await reader.GetStringAsync("/feed/rss.xml"));
        var atomFeed = XDocument.Parse(await reader.GetStringAsync("/feed/atom.xml"));
        var news = XDocument.Parse(await reader.GetStringAsync("/sitemap-news.xml"));

        var item = rss.Descendants("item").Single(i => i.Element("title")!.Value == "Night market opens for winter");
        var content = item.Element(media + "content")!;
        Assert.Equal(expected, content.Attribute("url")!.Value);
        Assert.Equal("image/jpeg", content.Attribute("type")!.Value);
        Assert.Equal(("1280", "640"), (content.Attribute("width")!.Value, content.Attribute("height")!.Value));
        Assert.Equal("Stalls on the first night.", content.Element(media + "description")!.Value);
        var entry = atomFeed.Descendants(atom + "entry").Single(e => e.Element(atom + "title")!.Value == "Night market opens for winter");
        Assert.Equal(expected, entry.Element(media + "content")!.Attribute("url")!.Value);
        var url = news.Descendants(sitemap + "url").Single(u => u.Element(sitemap + "loc")!.Value.EndsWith("/night-market-opens-for-winter", StringComparison.Ordinal));
        Assert.Equal(expected, url.Element(image + "image")!.Element(image + "loc")!.Value);
    }
}
