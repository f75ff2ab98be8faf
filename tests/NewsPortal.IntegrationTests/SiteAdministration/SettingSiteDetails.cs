using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Activity;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.IntegrationTests.Newsroom;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace NewsPortal.IntegrationTests.SiteAdministration;

public sealed class SettingSiteDetails(NewsroomFactory factory) : IClassFixture<NewsroomFactory>
{
    private const string Article = "/article/riverside-walkway-reopens-after-two-year-restoration";

    public static byte[] Logo(int width = 400, int height = 100)
    {
        using var image = new Image<Rgba32>(width, height, new Rgba32(140, 28, 19));
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        return stream.ToArray();
    }

    [Fact]
    public async Task The_form_starts_from_the_configured_values_and_what_is_saved_wins_on_every_reader_page_at_once()
    {
        var admin = await Staff.SignedInClientAsync(factory, StaffRoles.Admin);
        var reader = factory.CreateBrowserClient();
        // Cached before the change: the change must still show on the next request.
        Assert.Contains(">NewsPortal</a>", await reader.GetStringAsync("/"));
        await reader.GetStringAsync(Article);

        var (_, form) = await Html.GetAsync(admin, SiteDetailsForms.Url);
        Assert.Equal("NewsPortal", form.QuerySelector("#Input_Name")!.GetAttribute("value"));
        Assert.Equal("渝ICP备00000000号-1", form.QuerySelector("#Input_IcpLicence")!.GetAttribute("value"));

        await SiteDetailsForms.SaveAsync(admin, new Dictionary<string, string>
        {
            ["Input.Name"] = "Chongqing Evening",
            ["Input.Slogans"] = "Mountain city news\nEvery evening",
            ["Input.ReportHotline"] = "+86-23-1234-5678",
            ["Input.IcpLicence"] = "渝ICP备12345678号-2",
            ["Input.NewsServicePermit"] = "许可证号:50120170001",
            ["Input.ContactEmail"] = "desk@evening.example",
            ["Input.SocialAccounts"] = "Weibo https://weibo.com/cqevening\nWeChat https://mp.weixin.qq.com/cqevening",
        });

        foreach (var path in new[] { "/", Article, "/about" })
        {
            var (_, page) = await Html.GetAsync(reader, path);
            Assert.Equal("Chongqing Evening", page.Text(".masthead .brand"));
            Assert.Equal(["Mountain city news", "Every evening"], page.QuerySelectorAll(".site-footer .slogan").Select(p => p.TextContent));
            var icp = page.QuerySelector(".site-footer a.icp")!;
            Assert.Equal("https://beian.miit.gov.cn/", icp.GetAttribute("href"));
            Assert.Equal("渝ICP备12345678号-2", icp.TextContent);
            Assert.Contains("许可证号:50120170001", page.Text(".site-footer"));
            Assert.Equal("tel:+86-23-1234-5678", page.QuerySelector(".site-footer a[href^='tel:']")!.GetAttribute("href"));
            Assert.Equal("mailto:desk@evening.example", page.QuerySelector(".site-footer a[href^='mailto:']")!.GetAttribute("href"));
            Assert.Equal(["https://weibo.com/cqevening", "https://mp.weixin.qq.com/cqevening"],
                page.QuerySelectorAll(".site-footer .social a").Select(a => a.GetAttribute("href")));
            Assert.Equal("Chongqing Evening", page.QuerySelector("meta[property='og:site_name']")!.GetAttribute("content"));
        }

        // The change is in the activity log, under the administrator's name.
        var entries = await factory.WithDbAsync(db => db.ActivityEntries
            .Where(e => e.Action == ActivityActions.SettingsChanged && e.Subject == "Site details").ToListAsync());
        Assert.Contains(entries, e => e.ActorName == "Test Admin");
    }

    [Theory]
    [InlineData("Input.Name", "", "Enter the site's name.")]
    [InlineData("Input.ContactEmail", "not an address", "Enter the contact email as name@example.org.")]
    [InlineData("Input.TimeZone", "Mars/Olympus", "Enter a time zone by its IANA name")]
    [InlineData("Input.Language", "english!", "Enter a language tag")]
    [InlineData("Input.SocialAccounts", "Weibo javascript:alert(1)", "Write each account on its own line")]
    public async Task A_mistake_is_explained_beside_its_field_and_nothing_is_saved(string field, string value, string message)
    {
        var admin = await Staff.SignedInClientAsync(factory, StaffRoles.Admin);
        var before = await factory.CreateBrowserClient().GetStringAsync("/terms");

        var response = await SiteDetailsForms.SubmitAsync(admin, new Dictionary<string, string> { [field] = value });

        Html.AssertStatus(response, HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        Assert.Contains(message, SiteDetailsForms.FieldError(page, field));
        Assert.Equal(before, await factory.CreateBrowserClient().GetStringAsync("/terms"));
    }

    [Fact]
    public async Task The_time_zone_saved_is_the_one_reader_pages_show_times_in()
    {
        var admin = await Staff.SignedInClientAsync(factory, StaffRoles.Admin);

        await SiteDetailsForms.SaveAsync(admin, new Dictionary<string, string> { ["Input.TimeZone"] = "Europe/London" });

        var (_, article) = await Html.GetAsync(factory.CreateBrowserClient(), Article);
        var published = article.QuerySelector("time[datetime]")!.GetAttribute("datetime")!;
        Assert.Matches("[+]0[01]:00$", published);
        await SiteDetailsForms.SaveAsync(admin, new Dictionary<string, string> { ["Input.TimeZone"] = "Asia/Shanghai" });
    }

    [Theory]
    [InlineData(StaffRoles.Editor)]
    [InlineData(StaffRoles.Moderator)]
    public async Task Only_an_administrator_may_open_the_site_details(string role)
    {
        var client = await Staff.SignedInClientAsync(factory, role);

        var response = await client.GetAsync(SiteDetailsForms.Url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/staff/denied", response.Headers.Location!.PathAndQuery);
    }
}
