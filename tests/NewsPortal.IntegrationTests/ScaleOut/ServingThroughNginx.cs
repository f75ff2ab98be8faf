using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Articles;
using NewsPortal.IntegrationTests.Consent;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.IntegrationTests.Newsroom;
using NewsPortal.IntegrationTests.Operations;
using NewsPortal.Web.Features.Staff;
using NewsPortal.Web.Platform.ScaleOut;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace NewsPortal.IntegrationTests.ScaleOut;

/// <summary>
/// Readers and staff using the site through nginx on a port other than 80, as docker-compose serves it
/// (8080 by default); every request may land on either instance.
/// </summary>
[Trait(DatabaseTrait.Name, DatabaseTrait.ProviderIndependent)]
public sealed class ServingThroughNginx(TwoInstancesBehindNginx site) : IClassFixture<TwoInstancesBehindNginx>
{
    [Fact]
    public async Task A_cookie_choice_posted_through_the_proxy_is_saved()
    {
        var reader = site.Nginx.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "consent")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["choice"] = "accept", ["returnUrl"] = "/" }),
        };
        request.Headers.Add("Origin", site.Nginx.BaseUrl);

        var response = await reader.SendAsync(request);

        Html.AssertStatus(response, HttpStatusCode.SeeOther);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("np_consent=", StringComparison.Ordinal));
        var (_, before) = await Html.GetAsync(site.Nginx.Client(), "");
        var (_, after) = await Html.GetAsync(reader, "");
        Assert.NotNull(before.Banner());
        Assert.Null(after.Banner());
    }

    [Fact]
    public async Task A_message_left_through_the_proxy_is_received_once()
    {
        var reader = site.Nginx.Client();

        var reference = await PortalProcess.LeaveMessageAsync(reader, "Streetlight out on Quay Road", CancellationToken.None);

        Assert.NotNull(reference);
        Assert.Equal(1, await site.B.WithDbAsync((db, _) => db.Messages.CountAsync(m => m.Reference == reference)));
    }

    [Fact]
    public async Task Staff_signed_in_through_the_proxy_stay_signed_in_on_both_instances()
    {
        var email = await CreateEditorAsync();
        var browser = site.Nginx.Client();

        var signedIn = await Staff.SignInAsync(browser, email);

        Html.AssertStatus(signedIn, HttpStatusCode.Redirect);
        Assert.Equal("/staff", signedIn.Headers.Location?.OriginalString);
        for (var i = 0; i < 4; i++)
        {
            var (response, dashboard) = await Html.GetAsync(browser, "staff");
            Html.AssertStatus(response, HttpStatusCode.OK);
            Assert.Contains("Signed in as Test Editor.", dashboard.Body!.TextContent);
        }
    }

    [Fact]
    public async Task Canonical_links_and_feeds_through_the_proxy_keep_its_port()
    {
        var reader = site.Nginx.Client();
        var slug = await site.A.WithDbAsync((db, _) =>
            db.Articles.Where(a => a.Status == ArticleStatus.Published).OrderByDescending(a => a.PublishedAt).Select(a => a.Slug).FirstAsync());

        var (_, article) = await Html.GetAsync(reader, $"article/{slug}");
        var feed = await reader.GetStringAsync("feed/rss.xml");

        Assert.Equal($"{site.Nginx.BaseUrl}/article/{slug}", article.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Contains($"<link>{site.Nginx.BaseUrl}/article/{slug}</link>", feed);
    }

    [Fact]
    public async Task A_cover_uploaded_on_one_instance_is_served_by_the_other_and_through_the_proxy()
    {
        var editor = site.A.Client(new CookieContainer());
        Html.AssertStatus(await Staff.SignInAsync(editor, await CreateEditorAsync()), HttpStatusCode.Redirect);
        var (_, form) = await Html.GetAsync(editor, ArticleForms.NewArticle);
        var headline = $"Harbour lights {Guid.NewGuid():N}"[..30];
        var sectionId = await site.A.WithDbAsync((db, _) => db.Sections.Where(s => s.Slug == "city").Select(s => s.Id).SingleAsync());

        var saved = await ArticleForms.SubmitWithFileAsync(editor, form, "#article-form", new Dictionary<string, string>
        {
            ["Input.Headline"] = headline,
            ["Input.SectionId"] = sectionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Body"] = "The harbour at night.",
            ["Command"] = "publish",
        }, "Cover", Picture(), "harbour.jpg", "image/jpeg");

        Html.AssertStatus(saved, HttpStatusCode.Redirect);
        var slug = Slug.From(headline);
        var name = await site.A.WithDbAsync((db, _) => db.Articles.Where(a => a.Slug == slug).Select(a => a.CoverImage!.StorageName).SingleAsync());
        var path = $"media/{name}-640.jpg";
        Html.AssertStatus(await site.B.Client(new CookieContainer()).GetAsync(path), HttpStatusCode.OK);
        var reader = site.Nginx.Client();
        for (var i = 0; i < 4; i++)
        {
            var served = await reader.GetAsync(path);
            Html.AssertStatus(served, HttpStatusCode.OK);
            Assert.Equal("image/jpeg", served.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task The_key_ring_in_Redis_is_encrypted_with_the_configured_certificate()
    {
        // Rendering a form needs a key, so the ring has one by now.
        Html.AssertStatus(await site.Nginx.Client().GetAsync("message"), HttpStatusCode.OK);

        var connection = site.A.Services.GetRequiredService<RedisConnection>();
        var keys = (await connection.Database.ListRangeAsync($"{site.RedisPrefix}DataProtection-Keys")).Select(k => k.ToString()).ToList();

        Assert.NotEmpty(keys);
        Assert.All(keys, key =>
        {
            Assert.Contains("EncryptedData", key);
            Assert.DoesNotContain("<masterKey", key);
        });
    }

    private async Task<string> CreateEditorAsync()
    {
        var email = $"editor-{Guid.NewGuid():N}@newsportal.test";
        var errors = await site.A.WithDbAsync((_, services) => StaffAccounts.CreateAsync(services, email, "Test Editor", "Editor", Staff.Password));
        Assert.Empty(errors);
        return email;
    }

    private static byte[] Picture()
    {
        using var image = new Image<Rgb24>(1280, 720, new Rgb24(30, 60, 120));
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream);
        return stream.ToArray();
    }
}
