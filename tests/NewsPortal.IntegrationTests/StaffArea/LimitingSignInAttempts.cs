using System.Net;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.StaffArea;

/// <summary>The portal allowing three sign-in attempts per client per hour.</summary>
public sealed class LowSignInLimitFactory : PortalFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Staff:SignInRateLimit:PermitLimit", "3"),
        new("Staff:SignInRateLimit:WindowSeconds", "3600"),
    ];
}

public sealed class LimitingSignInAttempts(LowSignInLimitFactory factory) : IClassFixture<LowSignInLimitFactory>
{
    [Fact]
    public async Task Past_the_limit_sign_in_answers_a_friendly_429_even_with_the_right_password()
    {
        var email = await Infrastructure.Staff.CreateAsync(factory, StaffRoles.Moderator);
        var client = factory.CreateBrowserClient();
        var answers = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var response = await Infrastructure.Staff.SignInAsync(client, email, "wrong-password-" + attempt);
            answers.Add(response.StatusCode);
        }

        var (page, lastForm) = await Html.GetAsync(client, "/staff/sign-in");
        var refused = await Html.SubmitAsync(client, lastForm, "main form", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Infrastructure.Staff.Password,
        });

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], answers);
        Html.AssertStatus(page, HttpStatusCode.OK);
        Html.AssertStatus(refused, HttpStatusCode.TooManyRequests);
        Assert.Equal("Too many sign-in attempts", (await Html.ParseAsync(refused)).Text("main h1"));
        Assert.True(refused.Headers.Contains("Retry-After"));
    }
}
