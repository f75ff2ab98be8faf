using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Media.Library;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.IntegrationTests.Newsroom;
using SixLabors.ImageSharp;

namespace NewsPortal.IntegrationTests.MediaLibrary;

public sealed class BuildingTheMediaLibrary(MediaLibraryFactory factory) : IClassFixture<MediaLibraryFactory>
{
    [Theory]
    [InlineData("jpeg", "harbour.jpg", "image/jpeg")]
    [InlineData("png", "harbour.png", "image/png")]
    [InlineData("webp", "harbour.webp", "image/webp")]
    public async Task A_picture_is_stored_in_every_width_as_jpeg_and_webp_with_its_words(string format, string fileName, string contentType)
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);

        var id = await LibraryForms.AddAsync(editor, new(MediaSamples.Picture(1400, 800, format), fileName, contentType,
            $"Fishing boats in the harbour ({format})", "Boats return at dawn.", "Harbour Press"));

        var item = await factory.WithDbAsync(db => db.MediaItems.Include(m => m.Image).SingleAsync(m => m.Id == id));
        Assert.Equal(MediaKind.Image, item.Kind);
        Assert.Equal("320,640,1280", item.Image!.Widths);
        Assert.True(item.Image.HasWebp);
        foreach (var width in new[] { 320, 640, 1280 })
        {
            foreach (var extension in new[] { "jpg", "webp" })
            {
                var path = Path.Combine(factory.MediaFolder, $"{item.Image.StorageName}-{width}.{extension}");
                Assert.True(File.Exists(path), $"{path} was not written");
                Assert.Equal(width, (await Image.IdentifyAsync(path)).Width);
            }
        }

        var (response, page) = await Html.GetAsync(editor, $"/staff/media/{id}");
        Html.AssertStatus(response, HttpStatusCode.OK);
        Assert.Contains($"![Boats return at dawn.](media:{id})", page.Text("#media-snippet"));
        Assert.Equal($"Fishing boats in the harbour ({format})", page.QuerySelector(".media-item img")!.GetAttribute("alt"));
        Assert.Contains("Credit: Harbour Press", page.Text(".media-item figcaption"));
        var webp = await editor.GetAsync($"/media/{item.Image.StorageName}-640.webp");
        Html.AssertStatus(webp, HttpStatusCode.OK);
        Assert.Equal("image/webp", webp.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", webp.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task A_picture_without_alt_text_is_refused_with_a_message_and_nothing_is_stored()
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        var files = factory.MediaFileCount();
        var rows = await factory.WithDbAsync(db => db.MediaItems.CountAsync());

        var response = await LibraryForms.UploadAsync(editor, new(MediaSamples.Picture(800, 500), "no-alt.jpg", "image/jpeg", Alt: "  "));

        Html.AssertStatus(response, HttpStatusCode.BadRequest);
        Assert.Contains("Describe what the picture or video shows", (await Html.ParseAsync(response)).Text("#media-upload-form .errors"));
        Assert.Equal(files, factory.MediaFileCount());
        Assert.Equal(rows, await factory.WithDbAsync(db => db.MediaItems.CountAsync()));
    }

    [Fact]
    public async Task Staff_find_items_by_words_number_and_upload_date()
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        var lantern = await LibraryForms.AddAsync(editor, new(MediaSamples.Picture(700, 400), "f.jpg", "image/jpeg", "Lantern festival on the quay", Credit: "Mei Chen"));
        await LibraryForms.AddAsync(editor, new(MediaSamples.Picture(700, 400), "g.jpg", "image/jpeg", "Snow on the town hall roof"));
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var byWord = (await Html.GetAsync(editor, "/staff/media?q=LANTERN")).Document;
        var byCredit = (await Html.GetAsync(editor, "/staff/media?q=chen")).Document;
        var byNumber = (await Html.GetAsync(editor, $"/staff/media?q=%23{lantern}")).Document;
        var longAgo = (await Html.GetAsync(editor, "/staff/media?q=lantern&to=2001-01-01")).Document;
        var sinceToday = (await Html.GetAsync(editor, $"/staff/media?q=lantern&from=2001-01-01&to={today}")).Document;

        Assert.Contains("Lantern festival", byWord.Text("#media-list"));
        Assert.DoesNotContain("Snow on the town hall", byWord.Text("#media-list"));
        Assert.Contains("Lantern festival", byCredit.Text("#media-list"));
        Assert.Contains($"No. {lantern}", byNumber.Text("#media-list"));
        Assert.NotNull(longAgo.QuerySelector("#media-empty"));
        Assert.Contains("Lantern festival", sinceToday.Text("#media-list"));
    }

    [Fact]
    public async Task An_item_in_use_is_not_deleted_and_the_refusal_lists_the_articles_while_an_unused_one_goes_with_its_files()
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        var used = await LibraryForms.AddAsync(editor, new(MediaSamples.Picture(900, 500), "used.jpg", "image/jpeg", "Market stalls at noon"));
        var unused = await LibraryForms.AddAsync(editor, new(MediaSamples.Picture(900, 500), "unused.jpg", "image/jpeg", "An empty car park"));
        await ArticleForms.CreateAsync(factory, editor, "Market reopens on the square", $"The market is back.\n\n![Stalls](media:{used})\n\nMore to come.");

        var (_, usedPage) = await Html.GetAsync(editor, $"/staff/media/{used}");
        Assert.Contains("Market reopens on the square", usedPage.Text("#media-usage"));
        var refused = await Html.SubmitAsync(editor, usedPage, "#media-delete-form");

        Html.AssertStatus(refused, HttpStatusCode.Conflict);
        Assert.Contains("Market reopens on the square", (await Html.ParseAsync(refused)).Text("#delete-refused"));
        Assert.True(await factory.WithDbAsync(db => db.MediaItems.AnyAsync(m => m.Id == used)));

        var storage = await factory.WithDbAsync(db => db.MediaItems.Where(m => m.Id == unused).Select(m => m.Image!.StorageName).SingleAsync());
        var (_, unusedPage) = await Html.GetAsync(editor, $"/staff/media/{unused}");
        var deleted = await Html.SubmitAsync(editor, unusedPage, "#media-delete-form");

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.MediaItems.AnyAsync(m => m.Id == unused)));
        Assert.Empty(Directory.GetFiles(factory.MediaFolder, storage + "*"));
    }

    [Fact]
    public async Task A_cover_uploaded_on_the_article_form_joins_the_library_and_a_library_picture_can_be_picked_as_cover()
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        var (_, form) = await Html.GetAsync(editor, ArticleForms.NewArticle);
        var uploaded = await ArticleForms.SubmitWithFileAsync(editor, form, "#article-form", new Dictionary<string, string>
        {
            ["Input.Headline"] = "Ferry timetable changes",
            ["Input.SectionId"] = (await ArticleForms.SectionIdAsync(factory)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Body"] = "New times from Monday.",
            ["Input.CoverCaption"] = "The morning ferry leaves the pier.",
            ["Command"] = "publish",
        }, "Cover", MediaSamples.Picture(1000, 600), "ferry.jpg", "image/jpeg");
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);

        var cover = await factory.WithDbAsync(db => db.MediaItems.Include(m => m.Image)
            .SingleAsync(m => m.Image!.Id == db.Articles.Single(a => a.Slug == "ferry-timetable-changes").CoverImageId));
        Assert.Equal("The morning ferry leaves the pier.", cover.AltText);
        Assert.Contains("Ferry timetable changes", (await Html.GetAsync(editor, $"/staff/media/{cover.Id}")).Document.Text("#media-usage"));

        var picked = await ArticleForms.CreateAsync(factory, editor, "Second ferry story", "Same picture again.", "publish",
            new Dictionary<string, string> { ["Input.CoverFromLibrary"] = cover.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(cover.ImageId, await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == picked).Select(a => a.CoverImageId).SingleAsync()));

        var missing = await ArticleForms.SubmitAsync(editor, ArticleForms.NewArticle, "save-draft", new Dictionary<string, string>
        {
            ["Input.Headline"] = "Cover that is not there",
            ["Input.SectionId"] = (await ArticleForms.SectionIdAsync(factory)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.CoverFromLibrary"] = "999999",
        });
        Html.AssertStatus(missing, HttpStatusCode.BadRequest);
        Assert.Contains("no picture number 999999", (await Html.ParseAsync(missing)).Text("#article-form .errors"));
    }

    [Fact]
    public async Task Readers_and_moderators_cannot_open_the_library()
    {
        var moderator = await Staff.SignedInClientAsync(factory, StaffRoles.Moderator);
        var reader = factory.CreateBrowserClient();

        var asModerator = await moderator.GetAsync(LibraryForms.Library);
        var asReader = await reader.GetAsync(LibraryForms.Library);

        Assert.NotEqual(HttpStatusCode.OK, asModerator.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, asReader.StatusCode);
    }
}
