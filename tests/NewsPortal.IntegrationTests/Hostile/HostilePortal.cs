using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Features.Staff;

namespace NewsPortal.IntegrationTests.Hostile;

/// <summary>
/// The portal on real Kestrel at 127.0.0.1, so hostile requests meet the server's own checks too (header
/// values, body sizes, the request line), with the per-client rate limits raised above what one test class
/// sends (every request here comes from the same address) and uploads kept in the test's folder.
/// </summary>
public sealed class HostilePortal : PortalFactory
{
    public const long MaxUploadBytes = 300 * 1024;

    private readonly Dictionary<string, Task<HttpClient>> _staff = [];

    // Set before anything starts the host, so that whatever touches it first (a client or the database) starts Kestrel.
    public HostilePortal() => UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

    public string BaseUrl => Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

    public string MediaFolder => Path.Combine(DataFolder, "media");

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Messages:RateLimit:PermitLimit", "100000"),
        new("Staff:SignInRateLimit:PermitLimit", "100000"),
        new("Media:Folder", MediaFolder),
        new("Media:MaxUploadBytes", MaxUploadBytes.ToString(CultureInfo.InvariantCulture)),
    ];

    /// <summary>A client of its own (its own cookies, like one browser) that does not follow redirects.</summary>
    public HttpClient Reader() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = new Uri(BaseUrl + "/"),
            Timeout = TimeSpan.FromSeconds(60),
        };

    /// <summary>One client per role for the whole class, signed in through the real form.</summary>
    public Task<HttpClient> StaffAsync(string role)
    {
        lock (_staff)
        {
            if (!_staff.TryGetValue(role, out var client))
            {
                client = SignInAsync(role);
                _staff[role] = client;
            }

            return client;
        }
    }

    private async Task<HttpClient> SignInAsync(string role)
    {
        var client = Reader();
        var email = await Infrastructure.Staff.CreateAsync(this, role);
        Html.AssertStatus(await Infrastructure.Staff.SignInAsync(client, email), HttpStatusCode.Redirect);
        return client;
    }
}
