using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Hostile;

/// <summary>
/// POST /consent under hostile input: the return address can never lead off the site or break the answer's
/// headers, and anything but a plain "accept" or "reject" from this site is refused with a page and not recorded.
/// </summary>
public sealed class HostileConsentChoices(HostilePortal portal) : IClassFixture<HostilePortal>
{
    private Task<int> RecordsAsync() => portal.WithDbAsync(db => db.ConsentRecords.CountAsync());

    private HttpRequestMessage Choice(HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/consent") { Content = content };
        request.Headers.Add("Origin", portal.BaseUrl);
        return request;
    }

    private static FormUrlEncodedContent Fields(string choice, string returnUrl) =>
        new(new Dictionary<string, string> { ["choice"] = choice, ["returnUrl"] = returnUrl });

    public static TheoryData<string, string> ReturnAddresses() => new()
    {
        { "https://evil.example/steal", "/" },
        { "//evil.example", "/" },
        { "/\\evil.example", "/" },
        { "\\\\evil.example", "/" },
        { "https:evil.example", "/" },
        { "javascript:alert(document.cookie)", "/" },
        { "data:text/html,<script>alert(1)</script>", "/" },
        { "/\t/evil.example", "/" },
        { "/\u3000/evil.example", "/" },
        { "/\u0085evil.example", "/" },
        { "\uFF0F\uFF0Fevil.example", "/" },
        { "/article/x\r\nSet-Cookie: np_evil=1", "/" },
        { "/" + new string('a', 3000), "/" },
        { "", "/" },
        { "/%09/evil.example", "/%09/evil.example" },
        { "/%2F%2Fevil.example", "/%2F%2Fevil.example" },
        { "/section/city?page=2", "/section/city?page=2" },
        { "/article/重庆-火锅节", "/article/%E9%87%8D%E5%BA%86-%E7%81%AB%E9%94%85%E8%8A%82" },
        { "/search?q=<script>alert(1)</script>", "/search?q=%3Cscript%3Ealert(1)%3C/script%3E" },
        { "/search?q=café\"quoted\"|{x}", "/search?q=caf%C3%A9%22quoted%22%7C%7Bx%7D" },
        { "/search?q=a b", "/" },
    };

    [Theory]
    [MemberData(nameof(ReturnAddresses))]
    public async Task The_reader_returns_only_to_a_page_of_this_site(string returnUrl, string location)
    {
        var before = await RecordsAsync();

        var response = await portal.Reader().SendAsync(Choice(Fields("accept", returnUrl)));

        Html.AssertStatus(response, HttpStatusCode.SeeOther);
        Assert.Equal(location, response.Headers.Location!.OriginalString);
        Assert.Equal(before + 1, await RecordsAsync());
        Assert.DoesNotContain(response.Headers.GetValues("Set-Cookie"), c => c.Contains("np_evil", StringComparison.Ordinal));
    }

    public static TheoryData<string> HostileChoices() =>
    [
        "maybe", "", "ACCEPT", "accept,reject", "accept ", "<script>alert(1)</script>", "' OR 1=1 --", "acc\u0000ept", "reject\r\nX: y",
        "JSON", "OVERSIZED", "MULTIPLE VALUES", "INVALID UTF-8",
    ];

    [Theory]
    [MemberData(nameof(HostileChoices))]
    public async Task Anything_but_accept_or_reject_is_refused_with_a_page_and_not_recorded(string choice)
    {
        var before = await RecordsAsync();
        HttpContent content = choice switch
        {
            "JSON" => new StringContent("{\"choice\":\"accept\"}", Encoding.UTF8, "application/json"),
            "OVERSIZED" => new StringContent("choice=accept&returnUrl=/&pad=" + new string('x', 10_000), Encoding.ASCII, "application/x-www-form-urlencoded"),
            "MULTIPLE VALUES" => new StringContent("choice=accept&choice=reject", Encoding.ASCII, "application/x-www-form-urlencoded"),
            "INVALID UTF-8" => new ByteArrayContent([.. "choice=accept"u8, 0xFF, 0xFE]) { Headers = { ContentType = new("application/x-www-form-urlencoded") } },
            _ => Fields(choice, "/"),
        };

        var response = await portal.Reader().SendAsync(Choice(content));

        var page = await Answers.AssertRefusedAsync(response, HttpStatusCode.BadRequest, "We could not tell which choice you made");
        Answers.AssertInert(page);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Equal(before, await RecordsAsync());
    }

    [Theory]
    [InlineData("https://evil.example", null)]
    [InlineData("http://127.0.0.1.evil.example", null)]
    [InlineData("null", null)]
    [InlineData("javascript:alert(1)", null)]
    [InlineData(null, "http://evil.example/?http://127.0.0.1/")]
    [InlineData(null, "<script>")]
    public async Task A_choice_from_anywhere_else_is_refused_and_not_recorded(string? origin, string? referer)
    {
        var before = await RecordsAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/consent") { Content = Fields("accept", "/") };
        if (origin is not null)
        {
            request.Headers.TryAddWithoutValidation("Origin", origin);
        }

        if (referer is not null)
        {
            request.Headers.TryAddWithoutValidation("Referer", referer);
        }

        var response = await portal.Reader().SendAsync(request);

        await Answers.AssertRefusedAsync(response, HttpStatusCode.Forbidden, "not saved");
        Assert.Equal(before, await RecordsAsync());
    }
}
