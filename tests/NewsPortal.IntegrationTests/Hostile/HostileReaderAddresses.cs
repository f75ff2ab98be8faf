using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Hostile;

/// <summary>
/// Reader addresses under hostile input: listing pages (?page=), slugs of sections, tags, authors and articles,
/// the policy pages, error pages, static files and uploads, unknown query parameters and hostile headers.
/// An address that names nothing is the site's own 404 page; nothing is served from outside the web root and
/// the media folder; whatever the address carries is inert on the page that answers it.
/// </summary>
public sealed class HostileReaderAddresses(HostilePortal portal) : IClassFixture<HostilePortal>
{
    public static TheoryData<string> HostilePages() =>
    [
        "-1", "0", "99999999999", "abc", "1e3", "1.5", "+1", " 1", "0x10", "１", "1%00", "%00", "01", "2147483648",
        "1000001", "%FF", "1;DROP TABLE Articles", "<script>alert(1)</script>",
    ];

    [Theory]
    [MemberData(nameof(HostilePages))]
    public async Task A_page_number_a_reader_could_not_reach_is_a_404_on_every_listing(string page)
    {
        foreach (var listing in new[] { "/section/city", "/tag/riverside", "/author/lin-xiaoyu" })
        {
            var response = await portal.Reader().GetAsync($"{listing}?page={page}");

            var shown = await Answers.AssertRefusedAsync(response, HttpStatusCode.NotFound, "We could not find that page");
            Answers.AssertInert(shown);
        }
    }

    [Theory]
    [InlineData("/section/city")]
    [InlineData("/section/city?page=")]
    [InlineData("/section/city?page=1")]
    [InlineData("/section/city?page=1&page=7")]
    public async Task Real_page_numbers_still_answer(string url)
    {
        Html.AssertStatus(await portal.Reader().GetAsync(url), HttpStatusCode.OK);
    }

    public static TheoryData<string> HostileSlugs() =>
    [
        "..%2F..%2F..%2Fetc%2Fpasswd", "..%252F..%252Fetc%252Fpasswd", "%2e%2e%2f%2e%2e%2fappsettings.json", "..%5C..%5Cweb.config",
        "%FF%FE", "%C0%AE%C0%AE", new string('a', 3000), "%E9%87%8D%E5%BA%86", "city-",
        "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%20data-hostile%3E",
        "'%20OR%20'1'%3D'1", "city'--", "*", "city%20OR%201%3D1", "%F0%9F%8C%B6",
    ];

    [Theory]
    [MemberData(nameof(HostileSlugs))]
    public async Task A_slug_that_names_nothing_is_the_sites_404_page_wherever_it_is_used(string slug)
    {
        foreach (var prefix in new[] { "/article/", "/section/", "/tag/", "/author/" })
        {
            var response = await portal.Reader().GetAsync(prefix + slug);

            var shown = await Answers.AssertRefusedAsync(response, HttpStatusCode.NotFound, "We could not find that page");
            Answers.AssertInert(shown);
        }
    }

    [Theory]
    [InlineData("/?utm_source=%3Cscript%3Ealert(1)%3C%2Fscript%3E&fbclid=%00")]
    [InlineData("/?%22%3E%3Chostile-tag%20data-hostile%3E=1")]
    [InlineData("/section/city?sort=%27%20OR%201%3D1--&page=1&x=%FF")]
    [InlineData("/privacy?returnUrl=https%3A%2F%2Fevil.example&%00=1")]
    [InlineData("/terms?v=%3Csvg%2Fonload%3Dalert(1)%3E")]
    [InlineData("/cookie-settings?returnUrl=%2F%2Fevil.example&choice=accept")]
    [InlineData("/about?lang=..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/contact?q=%3Ciframe%20data-hostile%3E")]
    [InlineData("/staff/sign-in?ReturnUrl=%22%3E%3Chostile-tag%20data-hostile%3E")]
    [InlineData("/health?check=%3Cscript%3E")]
    public async Task Unknown_query_parameters_are_ignored_and_never_rendered_as_markup(string url)
    {
        var response = await portal.Reader().GetAsync(url);

        Html.AssertStatus(response, HttpStatusCode.OK);
        Answers.AssertInert(await Html.ParseAsync(response));
    }

    [Fact]
    public async Task An_article_address_with_unknown_parameters_still_shows_the_article()
    {
        var slug = await portal.WithDbAsync(db => db.Articles.OrderBy(a => a.Id).Select(a => a.Slug).FirstAsync());

        var (response, page) = await Html.GetAsync(portal.Reader(), $"/article/{slug}?ref=%3Cscript%3E&page=abc&%FF=%00");

        Html.AssertStatus(response, HttpStatusCode.OK);
        Answers.AssertInert(page);
    }

    [Theory]
    [InlineData("/media/..%2F..%2Fportal.db")]
    [InlineData("/media/%2e%2e/%2e%2e/portal.db")]
    [InlineData("/media/....//....//portal.db")]
    [InlineData("/media/..%5C..%5Cportal.db")]
    [InlineData("/css/..%2F..%2Fsrc%2FNewsPortal.Web%2Fappsettings.json")]
    [InlineData("/css/%2e%2e/%2e%2e/NewsPortal.sln")]
    [InlineData("/appsettings.json")]
    [InlineData("/..%2Fappsettings.json")]
    [InlineData("/error/500")]
    [InlineData("/error/abc")]
    [InlineData("/error/99999999999")]
    [InlineData("/privacy/..%2Fstaff")]
    public async Task Paths_reaching_outside_the_web_root_or_the_media_folder_find_nothing(string url)
    {
        var response = await portal.Reader().GetAsync(url);

        var shown = await Answers.AssertRefusedAsync(response, HttpStatusCode.NotFound, "We could not find that page");
        Assert.DoesNotContain("SQLite format", shown.Body!.TextContent);
        Assert.DoesNotContain("ConnectionString", shown.Body.TextContent);
        Answers.AssertInert(shown);
    }

    /// <summary>Kestrel itself refuses a NUL in the path (a bare 400, before the site sees the request).</summary>
    [Theory]
    [InlineData("/article/city%00")]
    [InlineData("/article/%00")]
    [InlineData("/section/city%00.html")]
    [InlineData("/css/site.css%00")]
    [InlineData("/favicon.svg%00.html")]
    [InlineData("/media/%00%2F..%2Fportal.db")]
    [InlineData("/privacy%00")]
    public async Task A_nul_in_the_path_is_refused_by_the_server_and_serves_nothing(string url)
    {
        var response = await portal.Reader().GetAsync(url);

        Html.AssertStatus(response, HttpStatusCode.BadRequest);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    public static TheoryData<string, string> HostileHeaders() => new()
    {
        { "Cookie", "np_consent=%3Cscript%3Ealert(1)%3C%2Fscript%3E" },
        { "Cookie", "np_consent=" + new string('x', 4000) },
        { "Cookie", "np_staff=forged-ticket; .AspNetCore.Antiforgery.x=garbage" },
        { "Accept-Language", "<script>alert(1)</script>;q=0.9, ../../etc" },
        { "Referer", "javascript:alert(1)" },
        { "X-Forwarded-Host", "evil.example" },
        { "Accept", "../../../../etc/passwd{{" },
        { "If-None-Match", "\"<script>\", W/\"" + new string('a', 2000) + "\"" },
        { "Accept-Encoding", "gzip;q=abc, br;q=-1, *;q=1e9" },
        { "Range", "bytes=999999999-0,-1" },
    };

    [Theory]
    [MemberData(nameof(HostileHeaders))]
    public async Task Hostile_request_headers_leave_the_home_page_as_it_is(string header, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        Assert.True(request.Headers.TryAddWithoutValidation(header, value));

        var response = await portal.Reader().SendAsync(request);

        Html.AssertStatus(response, HttpStatusCode.OK);
        var page = await Html.ParseAsync(response);
        Answers.AssertInert(page);
        Assert.NotNull(page.QuerySelector("#consent-banner"));
    }

    [Theory]
    [InlineData("PUT", "/")]
    [InlineData("DELETE", "/article/anything")]
    [InlineData("PATCH", "/message")]
    [InlineData("POST", "/section/city")]
    [InlineData("DELETE", "/staff/inbox/1")]
    public async Task Methods_a_page_does_not_accept_are_refused_without_a_server_error(string method, string url)
    {
        var response = await portal.Reader().SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent("x") });

        Assert.InRange((int)response.StatusCode, 300, 499);
        await Answers.AssertHandledAsync(response);
    }

    /// <summary>Bytes no HTTP client would send, straight onto the socket; the server answers 4xx and stays up.</summary>
    [Theory]
    [InlineData("GET /search?q=\xFF\xFE HTTP/1.1")]
    [InlineData("GET /article/\xC0\xAE\xC0\xAE HTTP/1.1")]
    [InlineData("GET /\0 HTTP/1.1")]
    [InlineData("GET ../../etc/passwd HTTP/1.1")]
    [InlineData("GET / HTTP/1.1\r\nX-Evil: a\0b")]
    public async Task Raw_requests_with_invalid_bytes_are_refused_and_the_server_stays_up(string requestLine)
    {
        var uri = new Uri(portal.BaseUrl);
        using (var socket = new TcpClient())
        {
            await socket.ConnectAsync(IPAddress.Loopback, uri.Port);
            var stream = socket.GetStream();
            await stream.WriteAsync(Encoding.Latin1.GetBytes(requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
            using var reader = new StreamReader(stream, Encoding.Latin1);
            var statusLine = await reader.ReadLineAsync() ?? "";
            var status = int.Parse(statusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(status, 400, 499);
        }

        Html.AssertStatus(await portal.Reader().GetAsync("/"), HttpStatusCode.OK);
    }
}
