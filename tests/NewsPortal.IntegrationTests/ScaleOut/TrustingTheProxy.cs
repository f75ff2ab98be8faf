using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.ScaleOut;

/// <summary>The portal on Kestrel, so each request has a real client address, optionally trusting 127.0.0.1 as its proxy.</summary>
public class KestrelPortal : PortalFactory
{
    public string BaseUrl { get; private set; } = "";

    public HttpClient StartAndConnect()
    {
        if (BaseUrl.Length == 0)
        {
            UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
            StartServer();
            BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        }

        return new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(BaseUrl + "/") };
    }
}

public sealed class PortalBehindLoopbackProxy : KestrelPortal
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
        [new("ForwardedHeaders:KnownProxies:0", "127.0.0.1")];
}

[Trait(DatabaseTrait.Name, DatabaseTrait.ProviderIndependent)]
public sealed class TrustingTheProxy
{
    private static HttpRequestMessage ForwardedFromHttps(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        return request;
    }

    [Fact]
    public async Task Forwarded_headers_from_a_configured_proxy_set_the_scheme_the_reader_used()
    {
        await using var portal = new PortalBehindLoopbackProxy();
        var client = portal.StartAndConnect();

        var response = await client.SendAsync(ForwardedFromHttps("staff"));

        Html.AssertStatus(response, HttpStatusCode.Redirect);
        Assert.StartsWith("https://", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Forwarded_headers_are_ignored_when_no_proxy_is_configured()
    {
        await using var portal = new KestrelPortal();
        var client = portal.StartAndConnect();

        var response = await client.SendAsync(ForwardedFromHttps("staff"));

        Html.AssertStatus(response, HttpStatusCode.Redirect);
        Assert.StartsWith("http://127.0.0.1:", response.Headers.Location!.ToString());
    }
}
