using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Site;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.IntegrationTests.SiteAdministration;

namespace NewsPortal.IntegrationTests.Languages;

/// <summary>
/// The footer's slogans follow the address: the Chinese ones under /zh, the English ones elsewhere; under /zh the
/// English ones (marked as English) while no Chinese ones are set. The configuration gives the first of both.
/// </summary>
public sealed class ShowingSlogansInChinese(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly string[] ConfiguredEnglish = ["A Tour in the City, A Gain in Vision", "A Land of Natural Beauty, A City with Cultural Appeal"];

    [Fact]
    public async Task Each_language_shows_its_own_slogans_and_Chinese_pages_fall_back_to_the_English_ones()
    {
        var reader = factory.CreateBrowserClient();
        var admin = await Staff.SignedInClientAsync(factory, StaffRoles.Admin);

        // From the configuration, before anything is saved.
        Assert.Equal(ConfiguredEnglish, await SlogansAsync(reader, "/about"));
        Assert.Equal(["游一座城，长一份见识", "山水之城，人文之都"], await SlogansAsync(reader, "/zh/about"));
        var (_, form) = await Html.GetAsync(admin, SiteDetailsForms.Url);
        Assert.Equal("游一座城，长一份见识\n山水之城，人文之都", form.QuerySelector("textarea[name='Input.ChineseSlogans']")!.TextContent.Trim());

        // Saved in the staff form: each language its own, at once (the pages above are cached).
        await SiteDetailsForms.SaveAsync(admin, new Dictionary<string, string>
        {
            ["Input.Slogans"] = "Mountain city news\nEvery evening",
            ["Input.ChineseSlogans"] = "山城新闻\r\n\r\n每晚更新",
        });
        Assert.Equal(["Mountain city news", "Every evening"], await SlogansAsync(reader, "/about"));
        Assert.Equal(["山城新闻", "每晚更新"], await SlogansAsync(reader, "/zh/about"));
        Assert.Equal(["山城新闻", "每晚更新"], await SlogansAsync(reader, "/zh/"));
        var (_, chinese) = await Html.GetAsync(reader, "/zh/about");
        Assert.All(chinese.QuerySelectorAll(".site-footer .slogan"), p => Assert.Null(p.GetAttribute("lang")));
        Assert.Equal("山城新闻\n每晚更新", await factory.WithDbAsync(db => db.SiteDetails.Select(d => d.ChineseSlogans).SingleAsync()));

        // No Chinese slogans: the English ones under /zh too, marked as English.
        await SiteDetailsForms.SaveAsync(admin, new Dictionary<string, string> { ["Input.ChineseSlogans"] = "" });
        Assert.Equal(["Mountain city news", "Every evening"], await SlogansAsync(reader, "/zh/about"));
        var (_, fallback) = await Html.GetAsync(reader, "/zh/about");
        Assert.All(fallback.QuerySelectorAll(".site-footer .slogan"), p => Assert.Equal("en", p.GetAttribute("lang")));
        var (_, english) = await Html.GetAsync(reader, "/about");
        Assert.All(english.QuerySelectorAll(".site-footer .slogan"), p => Assert.Null(p.GetAttribute("lang")));
    }

    [Theory]
    [InlineData("一\n二\n三\n四\n五\n六", "Give at most 5 Chinese slogans, one a line.")]
    [InlineData("太长", "Shorten each of the Chinese slogans to 100 characters or fewer")]
    [InlineData("山城\uFFFD新闻", "One of the Chinese slogans contains characters that could not be read")]
    public async Task Chinese_slogans_break_the_same_rules_as_English_ones_and_nothing_is_saved(string slogans, string message)
    {
        if (slogans == "太长")
        {
            slogans = new string('长', SiteDetailsRules.LineLength + 1);
        }

        var admin = await Staff.SignedInClientAsync(factory, StaffRoles.Admin);
        var before = await factory.WithDbAsync(db => db.SiteDetails.Select(d => d.ChineseSlogans).SingleOrDefaultAsync());

        var response = await SiteDetailsForms.SubmitAsync(admin, new Dictionary<string, string> { ["Input.ChineseSlogans"] = slogans });

        Html.AssertStatus(response, HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        Assert.StartsWith(message, SiteDetailsForms.FieldError(page, "Input.ChineseSlogans"));
        Assert.Equal(before, await factory.WithDbAsync(db => db.SiteDetails.Select(d => d.ChineseSlogans).SingleOrDefaultAsync()));
    }

    private static async Task<string[]> SlogansAsync(HttpClient reader, string path)
    {
        var (response, page) = await Html.GetAsync(reader, path);
        Html.AssertStatus(response, HttpStatusCode.OK);
        return page.QuerySelectorAll(".site-footer .slogan").Select(p => p.TextContent).ToArray();
    }
}
