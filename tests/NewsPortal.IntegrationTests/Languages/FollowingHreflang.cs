using System.Net;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Languages;

/// <summary>Every reader page names its version in each language, and each version names it back (hreflang reciprocity).</summary>
public sealed class FollowingHreflang(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Every_kind_of_reader_page_and_its_other_language_version_name_each_other_and_the_same_x_default()
    {
        var chinese = await ChineseArticles.AddAsync(factory, "hreflang-story");
        var english = await TestArticles.AddAsync(factory, "Hreflang story in English");
        var reader = factory.CreateBrowserClient();
        string[] paths =
        [
            "/", $"/article/{english.Slug}", $"/article/{chinese.Slug}", "/section/city", "/search", "/privacy", "/terms",
            "/about", "/contact", "/message", "/cookie-settings",
        ];

        foreach (var path in paths)
        {
            foreach (var prefix in new[] { "", "/zh" })
            {
                var self = "http://localhost" + prefix + path;
                var alternates = await AlternatesAsync(reader, prefix + path);

                Assert.Equal(["en", "x-default", "zh-Hans"], alternates.Keys.Order(StringComparer.Ordinal));
                Assert.Equal(self, alternates[prefix.Length == 0 ? "en" : "zh-Hans"]);
                Assert.Equal("http://localhost" + path, alternates["x-default"]);
                foreach (var (language, address) in alternates)
                {
                    var back = await AlternatesAsync(reader, new Uri(address).PathAndQuery);
                    Assert.True(back.ContainsValue(self), $"{address} ({language}) does not name {self} back");
                    Assert.Equal(alternates, back);
                }
            }
        }
    }

    private static async Task<Dictionary<string, string>> AlternatesAsync(HttpClient reader, string path)
    {
        var (response, page) = await Html.GetAsync(reader, path);
        Html.AssertStatus(response, HttpStatusCode.OK);
        return page.QuerySelectorAll("link[rel=alternate][hreflang]")
            .ToDictionary(l => l.GetAttribute("hreflang")!, l => l.GetAttribute("href")!);
    }
}
