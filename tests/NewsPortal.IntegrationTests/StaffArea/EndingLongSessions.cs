using System.Net;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Features.Staff;

namespace NewsPortal.IntegrationTests.StaffArea;

/// <summary>
/// A staff session kept alive by use still ends twelve hours after signing in (the portal's clock is moved on;
/// the session is used every five hours, well within the eight-hour sliding expiry).
/// </summary>
public sealed class EndingLongSessions(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_busy_session_ends_twelve_hours_after_sign_in()
    {
        var client = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        Html.AssertStatus(await client.GetAsync("/staff"), HttpStatusCode.OK);

        factory.Clock.Advance(TimeSpan.FromHours(5));
        Html.AssertStatus(await client.GetAsync("/staff"), HttpStatusCode.OK);
        factory.Clock.Advance(TimeSpan.FromHours(5));
        Html.AssertStatus(await client.GetAsync("/staff"), HttpStatusCode.OK);

        factory.Clock.Advance(SessionLifetime.Absolute - TimeSpan.FromHours(10) + TimeSpan.FromMinutes(30));
        var ended = await client.GetAsync("/staff");

        Html.AssertStatus(ended, HttpStatusCode.Redirect);
        Assert.StartsWith("/staff/sign-in", ended.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
    }
}
