using System.Net;
using System.Text.Json;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.IntegrationTests.Newsroom;

namespace NewsPortal.IntegrationTests.SiteAdministration;

public sealed class UploadingALogo(NewsroomFactory factory) : IClassFixture<NewsroomFactory>
{
    private const string Article = "/article/riverside-walkway-reopens-after-two-year-restoration";

    [Fact]
    public async Task An_uploaded_logo_is_shown_in_the_masthead_and_named_in_the_publisher_data_and_link_previews()
    {
        var admin = await Staff.SignedInClientAsync(factory, StaffRoles.Admin);

        var response = await SiteDetailsForms.UploadLogoAsync(admin, SettingSiteDetails.Logo());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var reader = factory.CreateBrowserClient();
        var (_, home) = await Html.GetAsync(reader, "/");
        var img = home.QuerySelector(".masthead .brand img")!;
        Assert.Matches("^/media/[0-9a-f]{32}-320\\.jpg$", img.GetAttribute("src"));
        Assert.Equal("192", img.GetAttribute("width"));
        Assert.Equal("48", img.GetAttribute("height"));
        Html.AssertStatus(await reader.GetAsync(img.GetAttribute("src")), HttpStatusCode.OK);
        // 400 pixels wide: kept at 320, the one stored width it reaches, which is also the widest.
        var largest = img.GetAttribute("src")!;
        Assert.EndsWith(largest, home.QuerySelector("meta[property='og:image']")!.GetAttribute("content"));

        var (_, article) = await Html.GetAsync(reader, Article);
        var data = article.QuerySelectorAll("script[type='application/ld+json']")
            .Select(s => JsonDocument.Parse(s.TextContent).RootElement)
            .Single(e => e.GetProperty("@type").GetString() == "NewsArticle");
        var logo = data.GetProperty("publisher").GetProperty("logo");
        Assert.EndsWith(largest, logo.GetProperty("url").GetString());
        Assert.Equal(320, logo.GetProperty("width").GetInt32());
        Assert.Equal(80, logo.GetProperty("height").GetInt32());
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_is_refused_with_a_message_and_nothing_changes()
    {
        var admin = await Staff.SignedInClientAsync(factory, StaffRoles.Admin);

        var response = await SiteDetailsForms.UploadLogoAsync(admin, "not a picture"u8.ToArray(), "logo.png");

        Html.AssertStatus(response, HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        Assert.Contains("not an image we can read", SiteDetailsForms.FieldError(page, "Logo"));
    }

    [Fact]
    public async Task A_logo_narrower_than_100_pixels_is_refused_with_a_message()
    {
        var admin = await Staff.SignedInClientAsync(factory, StaffRoles.Admin);

        var response = await SiteDetailsForms.UploadLogoAsync(admin, SettingSiteDetails.Logo(60, 20));

        Html.AssertStatus(response, HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        Assert.Equal("The image is 60 pixels wide; a logo needs to be at least 100 pixels wide.", SiteDetailsForms.FieldError(page, "Logo"));
    }
}
