using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Setup;

namespace NewsPortal.IntegrationTests.Hostile;

/// <summary>The portal on real Kestrel with low per-address limits: three sign-in posts and two messages an hour.</summary>
public sealed class LowLimitKestrelPortal : PortalFactory
{
    public const int SignInPermits = 3;
    public const int MessagePermits = 2;

    public LowLimitKestrelPortal() => UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

    public string BaseUrl => Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Staff:SignInRateLimit:PermitLimit", SignInPermits.ToString(CultureInfo.InvariantCulture)),
        new("Staff:SignInRateLimit:WindowSeconds", "3600"),
        new("Messages:RateLimit:PermitLimit", MessagePermits.ToString(CultureInfo.InvariantCulture)),
        new("Messages:RateLimit:WindowSeconds", "3600"),
    ];
}

/// <summary>
/// The per-address limits hold however the limited address is spelled: a trailing slash, other letter case,
/// percent-encoded letters, dot segments or a query string reach the same sign-in page or message form, so they
/// share its limit. Each case posts from its own loopback address (127.0.0.N), so each starts with a full allowance.
/// </summary>
public sealed class HostileRateLimitPaths(LowLimitKestrelPortal portal) : IClassFixture<LowLimitKestrelPortal>
{
    private const string SignInForm = "Input.Email=someone%40newsportal.test&Input.Password=guess-number-one";
    private const string MessageForm = "name=Li+Wei&email=li.wei%40example.cn&subject=Hello&message=Hi";

    [Theory]
    [InlineData("/staff/sign-in/", 11)]
    [InlineData("/STAFF/SIGN-IN", 12)]
    [InlineData("/Staff/Sign-In/", 13)]
    [InlineData("/staff/sign%2Din", 14)]
    [InlineData("/%73taff/%73ign-in", 15)]
    [InlineData("/staff/./sign-in", 16)]
    [InlineData("/staff/x/../sign-in", 17)]
    [InlineData("/staff/sign-in?handler=&x=1", 18)]
    [InlineData("/staff/sign-in/?ReturnUrl=%2Fstaff", 19)]
    public async Task Sign_in_posts_to_any_spelling_of_the_address_count_against_one_limit(string path, int client)
    {
        var from = IPAddress.Parse($"127.0.0.{client}");
        var allowed = new List<int>();
        for (var i = 0; i < LowLimitKestrelPortal.SignInPermits; i++)
        {
            allowed.Add((await RawHttp.SendAsync(portal.BaseUrl, "POST", path, SignInForm, from)).Status);
        }

        var over = await RawHttp.SendAsync(portal.BaseUrl, "POST", path, SignInForm, from);
        var plain = await RawHttp.SendAsync(portal.BaseUrl, "POST", "/staff/sign-in", SignInForm, from);
        var page = await RawHttp.SendAsync(portal.BaseUrl, "GET", path, from: from);

        // Posts within the limit reach the page (refused there for want of an antiforgery token, not by the limiter).
        Assert.All(allowed, status => Assert.NotEqual(429, status));
        Assert.Equal(429, over.Status);
        Assert.Contains("Too many sign-in attempts", over.Body);
        Assert.True(over.Headers.ContainsKey("Retry-After"));
        Assert.Equal(429, plain.Status);
        Assert.Equal(200, page.Status);
    }

    [Theory]
    [InlineData("/message/", 31)]
    [InlineData("/MESSAGE", 32)]
    [InlineData("/m%65ssage", 33)]
    [InlineData("/./message", 34)]
    [InlineData("/message?x=1", 35)]
    public async Task Message_posts_to_any_spelling_of_the_form_address_count_against_one_limit(string path, int client)
    {
        var from = IPAddress.Parse($"127.0.0.{client}");
        var allowed = new List<int>();
        for (var i = 0; i < LowLimitKestrelPortal.MessagePermits * ClientRateLimits.FormPostsPerAcceptedMessage; i++)
        {
            allowed.Add((await RawHttp.SendAsync(portal.BaseUrl, "POST", path, MessageForm, from)).Status);
        }

        var over = await RawHttp.SendAsync(portal.BaseUrl, "POST", path, MessageForm, from);
        var plain = await RawHttp.SendAsync(portal.BaseUrl, "POST", "/message", MessageForm, from);

        Assert.All(allowed, status => Assert.NotEqual(429, status));
        Assert.Equal(429, over.Status);
        Assert.Contains("Too many messages", over.Body);
        Assert.Equal(429, plain.Status);
    }
}
