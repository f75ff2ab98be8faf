using System.Net;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.IntegrationTests.ScaleOut;

namespace NewsPortal.IntegrationTests.Security;

/// <summary>The portal on Kestrel allowing two messages per client, trusting no proxy.</summary>
public class TwoMessagesPortal : KestrelPortal
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
        [new("Messages:RateLimit:PermitLimit", "2"), new("Messages:RateLimit:WindowSeconds", "3600")];

    /// <summary>A client with its own cookies, as one browser (or one proxy connection) has.</summary>
    public HttpClient Browser()
    {
        StartAndConnect();
        return new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = new Uri(BaseUrl + "/"),
        };
    }
}

/// <summary>The same, behind a proxy at 127.0.0.1 that the configuration names.</summary>
public sealed class TwoMessagesBehindProxy : TwoMessagesPortal
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
        [.. base.Settings(), new("ForwardedHeaders:KnownProxies:0", "127.0.0.1")];
}

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto count only when they come from a configured proxy: anyone else's
/// header changes neither the client address the rate limiter keys on nor the scheme cookies and HSTS follow.
/// </summary>
[Trait(DatabaseTrait.Name, DatabaseTrait.ProviderIndependent)]
public sealed class TrustingForwardedHeaders
{
    private static async Task<HttpStatusCode> SendMessageAsync(HttpClient client, string forwardedFor)
    {
        var (_, form) = await Html.GetAsync(client, "message");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var request = new HttpRequestMessage(HttpMethod.Post, "message")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>(Messages.MessageForm.Valid("Forwarded")) { ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return (await client.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task A_client_cannot_escape_the_rate_limit_by_claiming_other_addresses()
    {
        await using var portal = new TwoMessagesPortal();
        var client = portal.Browser();

        var answers = new List<HttpStatusCode>();
        foreach (var claimed in new[] { "203.0.113.1", "203.0.113.2", "203.0.113.3", "198.51.100.9, 203.0.113.4" })
        {
            answers.Add(await SendMessageAsync(client, claimed));
        }

        Assert.Equal([HttpStatusCode.SeeOther, HttpStatusCode.SeeOther, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], answers);
    }

    [Fact]
    public async Task Behind_a_configured_proxy_each_forwarded_client_has_a_limit_of_its_own()
    {
        await using var portal = new TwoMessagesBehindProxy();
        var client = portal.Browser();

        var answers = new List<HttpStatusCode>();
        foreach (var forwarded in new[] { "203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.1", "203.0.113.1" })
        {
            answers.Add(await SendMessageAsync(client, forwarded));
        }

        Assert.Equal([HttpStatusCode.SeeOther, HttpStatusCode.SeeOther, HttpStatusCode.SeeOther, HttpStatusCode.SeeOther, HttpStatusCode.TooManyRequests], answers);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Cookies_are_secure_and_hsts_is_sent_only_when_a_trusted_proxy_says_the_reader_used_https(bool trusted)
    {
        await using var portal = trusted ? new TwoMessagesBehindProxy() : new TwoMessagesPortal();
        var client = portal.Browser();
        using var request = new HttpRequestMessage(HttpMethod.Get, "message");
        request.Headers.Host = "news.example.test";
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        var response = await client.SendAsync(request);

        Html.AssertStatus(response, HttpStatusCode.OK);
        var antiforgery = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.Equal(trusted, antiforgery.Split(';').Any(a => a.Trim().Equals("secure", StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(trusted, response.Headers.Contains("Strict-Transport-Security"));
    }
}
