using System.Net;
using System.Xml.Linq;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Hostile;

/// <summary>
/// Search (/search?q=&amp;page=), the feeds and sitemaps, and the Host header every absolute address on them is
/// made from, under hostile input. A query is words to look for, never syntax; a page shows it as text; a
/// forged Host never reaches another reader.
/// </summary>
public sealed class HostileSearches(HostilePortal portal) : IClassFixture<HostilePortal>
{
    public static TheoryData<string> Queries()
    {
        var data = new TheoryData<string>();
        foreach (var text in HostileText.All.Where(t => t.Name != "oversized"))
        {
            data.Add(text.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task A_hostile_search_answers_a_results_page_that_shows_the_query_as_text(string name)
    {
        var q = HostileText.Named(name).Value;

        var response = await portal.Reader().GetAsync("/search?q=" + Uri.EscapeDataString(q));

        Html.AssertStatus(response, HttpStatusCode.OK);
        var page = await Html.ParseAsync(response);
        Answers.AssertInert(page);
        var box = page.QuerySelector("main input[name=q]");
        Assert.NotNull(box);
        Assert.DoesNotContain(box.GetAttribute("value") ?? "", c => c == '\0');
    }

    [Theory]
    [InlineData(201)]
    [InlineData(5_000)]
    [InlineData(60_000)]
    public async Task An_overlong_search_is_refused_with_a_page_that_says_how_long_it_may_be(int length)
    {
        var response = await portal.Reader().GetAsync("/search?q=" + new string('q', length));

        var page = await Answers.AssertRefusedAsync(response, HttpStatusCode.BadRequest, "Please search for at most 200 characters");
        Answers.AssertInert(page);
    }

    [Fact]
    public async Task A_search_longer_than_any_request_line_is_refused_by_the_server()
    {
        var response = await portal.Reader().GetAsync("/search?q=" + new string('q', 100_000));

        Html.AssertStatus(response, HttpStatusCode.RequestUriTooLong);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("99999999999")]
    [InlineData("abc")]
    [InlineData("1e3")]
    [InlineData("%00")]
    public async Task A_hostile_result_page_number_is_refused_with_a_page_that_says_so(string page)
    {
        var response = await portal.Reader().GetAsync($"/search?q=river&page={page}");

        var shown = await Answers.AssertRefusedAsync(response, HttpStatusCode.BadRequest, "That page number is not one we can show");
        Answers.AssertInert(shown);
    }

    [Theory]
    [InlineData("/section/..%2F..%2Fetc/rss.xml")]
    [InlineData("/section/%3Cscript%3E/atom.xml")]
    [InlineData("/section/no-such-section/rss.xml")]
    [InlineData("/sitemap-articles-99999999.xml")]
    [InlineData("/sitemap-articles--1.xml")]
    [InlineData("/sitemap-articles-abc.xml")]
    public async Task A_feed_or_sitemap_for_something_that_does_not_exist_is_a_404(string url)
    {
        var response = await portal.Reader().GetAsync(url);

        Html.AssertStatus(response, HttpStatusCode.NotFound);
        await Answers.AssertHandledAsync(response);
    }

    [Theory]
    [InlineData("/feed/rss.xml")]
    [InlineData("/feed/atom.xml")]
    [InlineData("/section/city/rss.xml")]
    [InlineData("/sitemap.xml")]
    [InlineData("/sitemap-news.xml")]
    [InlineData("/feed/rss.xml?utm_source=%3Cscript%3E&%00=1")]
    public async Task Feeds_and_sitemaps_stay_well_formed_xml_whatever_the_address_carries(string url)
    {
        var response = await portal.Reader().GetAsync(url);

        Html.AssertStatus(response, HttpStatusCode.OK);
        XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/section/city")]
    [InlineData("/feed/rss.xml")]
    [InlineData("/sitemap.xml")]
    [InlineData("/robots.txt")]
    [InlineData("/search?q=river")]
    public async Task A_forged_host_header_never_reaches_another_readers_copy_of_a_page(string url)
    {
        using (var forged = new HttpRequestMessage(HttpMethod.Get, url))
        {
            forged.Headers.Host = "evil.example";
            var poisoned = await portal.Reader().SendAsync(forged);
            Assert.True((int)poisoned.StatusCode < 500);
        }

        var response = await portal.Reader().GetAsync(url);

        Html.AssertStatus(response, HttpStatusCode.OK);
        Assert.DoesNotContain("evil.example", await response.Content.ReadAsStringAsync());
    }
}
