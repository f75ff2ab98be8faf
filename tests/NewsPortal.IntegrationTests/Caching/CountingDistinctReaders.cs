using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Platform.Caching;

namespace NewsPortal.IntegrationTests.Caching;

/// <summary>
/// "Most read" cannot be pushed by reloading: one reader counts once per article in each half hour, crawlers and
/// scripts that do not name a browser not at all, and nothing about readers is stored to do so.
/// </summary>
public sealed class CountingDistinctReaders(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Browser = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";

    private async Task<long> ViewsAfterAsync(string slug, Func<Task> reading)
    {
        await reading();
        await factory.Services.GetServices<IHostedService>().OfType<ViewCountFlusher>().Single().FlushAsync(CancellationToken.None);
        return await factory.WithDbAsync(db => db.Articles.Where(a => a.Slug == slug).Select(a => a.ViewCount).SingleAsync());
    }

    private HttpClient Reader(string? userAgent)
    {
        var client = factory.CreateBrowserClient();
        if (userAgent is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", userAgent);
        }

        return client;
    }

    [Fact]
    public async Task Four_hundred_reloads_by_one_reader_count_once_and_again_after_the_window()
    {
        var article = await TestArticles.AddAsync(factory, $"Reloaded story {Guid.NewGuid():N}");
        var reader = Reader(Browser);

        var once = await ViewsAfterAsync(article.Slug, async () =>
        {
            for (var i = 0; i < 400; i++)
            {
                Html.AssertStatus(await reader.GetAsync($"/article/{article.Slug}"), HttpStatusCode.OK);
            }
        });
        factory.Clock.Advance(DistinctReaderViews.Window * 2);
        var later = await ViewsAfterAsync(article.Slug, async () => Html.AssertStatus(await reader.GetAsync($"/article/{article.Slug}"), HttpStatusCode.OK));
        var otherReaders = await ViewsAfterAsync(article.Slug, async () =>
        {
            Html.AssertStatus(await Reader(Browser.Replace("131.0", "130.0", StringComparison.Ordinal)).GetAsync($"/article/{article.Slug}"), HttpStatusCode.OK);
            Html.AssertStatus(await Reader("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) Safari/604.1").GetAsync($"/article/{article.Slug}"), HttpStatusCode.OK);
        });

        Assert.Equal(1, once);
        Assert.Equal(2, later);
        Assert.Equal(4, otherReaders);
    }

    [Theory]
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")]
    [InlineData("Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)")]
    [InlineData("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)")]
    [InlineData("curl/8.5.0")]
    [InlineData("python-requests/2.32.3")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/131.0 Safari/537.36")]
    [InlineData(null)]
    public async Task Crawlers_previewers_and_nameless_scripts_are_not_counted(string? userAgent)
    {
        var article = await TestArticles.AddAsync(factory, $"Crawled story {Guid.NewGuid():N}");

        var views = await ViewsAfterAsync(article.Slug, async () =>
        {
            for (var i = 0; i < 5; i++)
            {
                Html.AssertStatus(await Reader(userAgent).GetAsync($"/article/{article.Slug}"), HttpStatusCode.OK);
            }
        });

        Assert.Equal(0, views);
    }
}
