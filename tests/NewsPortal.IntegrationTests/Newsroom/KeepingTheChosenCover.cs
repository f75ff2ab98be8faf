using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace NewsPortal.IntegrationTests.Newsroom;

/// <summary>A cover chosen on the article form survives the form being shown again (a preview, a mistake) and is published.</summary>
public sealed class KeepingTheChosenCover(NewsroomFactory factory) : IClassFixture<NewsroomFactory>
{
    private static byte[] Picture()
    {
        using var image = new Image<Rgb24>(1000, 600, new Rgb24(30, 90, 160));
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream);
        return stream.ToArray();
    }

    private async Task<HttpResponseMessage> PostWithCoverAsync(HttpClient editor, string headline, string command)
    {
        var (_, form) = await Html.GetAsync(editor, ArticleForms.NewArticle);
        return await ArticleForms.SubmitWithFileAsync(editor, form, "#article-form", new Dictionary<string, string>
        {
            ["Input.Headline"] = headline,
            ["Input.SectionId"] = (await ArticleForms.SectionIdAsync(factory)).ToString(CultureInfo.InvariantCulture),
            ["Input.Body"] = "Boats on the river at dawn.",
            ["Input.CoverCaption"] = "Dawn on the Jialing.",
            ["Command"] = command,
        }, "Cover", Picture(), "dawn.jpg", "image/jpeg");
    }

    private async Task AssertPublishedWithCoverAsync(HttpResponseMessage published, string slug)
    {
        var id = ArticleForms.IdFromRedirect(published);
        var storage = await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.CoverImage!.StorageName).SingleAsync());
        Assert.NotNull(storage);
        var (_, article) = await Html.GetAsync(factory.CreateBrowserClient(), $"/article/{slug}");
        Assert.Equal($"/media/{storage}-640.jpg", article.QuerySelector(".cover img")!.GetAttribute("src"));
    }

    private static string? Pending(IDocument form) => form.QuerySelector("input[name='Input.PendingCover']")?.GetAttribute("value");

    [Fact]
    public async Task A_cover_chosen_before_a_preview_is_published_without_choosing_it_again()
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);

        var preview = await PostWithCoverAsync(editor, "Dawn boats return to the Jialing", "preview");

        Html.AssertStatus(preview, HttpStatusCode.OK);
        var form = await Html.ParseAsync(preview);
        Assert.NotNull(form.QuerySelector(".preview"));
        Assert.Matches("^[0-9a-f]{32}$", Pending(form));
        Assert.Contains("dawn.jpg", form.Text(".pending-cover"));

        var published = await Html.SubmitAsync(editor, form, "#article-form", new Dictionary<string, string> { ["Command"] = "publish" });

        await AssertPublishedWithCoverAsync(published, "dawn-boats-return-to-the-jialing");
    }

    [Fact]
    public async Task A_cover_chosen_on_a_form_with_a_mistake_is_kept_until_the_mistake_is_put_right()
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);

        var refused = await PostWithCoverAsync(editor, "", "publish");

        Html.AssertStatus(refused, HttpStatusCode.BadRequest);
        var form = await Html.ParseAsync(refused);
        Assert.Matches("^[0-9a-f]{32}$", Pending(form));

        var published = await Html.SubmitAsync(editor, form, "#article-form", new Dictionary<string, string>
        {
            ["Input.Headline"] = "Ferry timetable changes for winter",
            ["Command"] = "publish",
        });

        await AssertPublishedWithCoverAsync(published, "ferry-timetable-changes-for-winter");
    }

    [Fact]
    public async Task Removing_the_cover_drops_a_pending_one_too()
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        var form = await Html.ParseAsync(await PostWithCoverAsync(editor, "Night market opens on the south bank", "preview"));

        var published = await Html.SubmitAsync(editor, form, "#article-form", new Dictionary<string, string>
        {
            ["Input.RemoveCover"] = "true",
            ["Command"] = "publish",
        });

        var id = ArticleForms.IdFromRedirect(published);
        Assert.Null(await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.CoverImageId).SingleAsync()));
    }
}
