using System.Net;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Feeds;

/// <summary>Crawlers and feed readers check feeds, sitemaps and robots.txt with HEAD before fetching them.</summary>
public sealed class CheckingFeedsWithHead(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/feed/rss.xml", "application/rss+xml")]
    [InlineData("/feed/atom.xml", "application/atom+xml")]
    [InlineData("/section/city/rss.xml", "application/rss+xml")]
    [InlineData("/sitemap.xml", "application/xml")]
    [InlineData("/sitemap-news.xml", "application/xml")]
    [InlineData("/robots.txt", "text/plain")]
    public async Task HEAD_answers_like_GET_without_a_body(string path, string type)
    {
        var client = factory.CreateClient();
        using var get = await client.GetAsync(path);
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Html.AssertStatus(get, HttpStatusCode.OK);
        Html.AssertStatus(head, HttpStatusCode.OK);
        Assert.Equal(type, head.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }
}
