using System.Net;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Messages;

/// <summary>The portal with a limit of two accepted messages per hour per client (so ten posts of the form).</summary>
public sealed class LowMessageLimitFactory : PortalFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Messages:RateLimit:PermitLimit", "2"),
        new("Messages:RateLimit:WindowSeconds", "3600"),
    ];
}

public sealed class RateLimitingMessages(LowMessageLimitFactory factory) : IClassFixture<LowMessageLimitFactory>
{
    /// <summary>Posts of the form itself (corrections included) are held to five times the accepted limit.</summary>
    [Fact]
    public async Task Past_the_limit_on_posts_a_client_gets_a_friendly_429_and_can_still_read()
    {
        var reader = factory.CreateBrowserClient();

        var first = await MessageForm.SendAsync(reader, MessageForm.Valid("First"));
        for (var i = 0; i < 9; i++)
        {
            Html.AssertStatus(await MessageForm.SendAsync(reader, new Dictionary<string, string> { ["subject"] = "" }), HttpStatusCode.UnprocessableEntity);
        }

        var third = await MessageForm.SendAsync(reader, MessageForm.Valid("Third"));

        Html.AssertStatus(first, HttpStatusCode.SeeOther);
        Html.AssertStatus(third, HttpStatusCode.TooManyRequests);
        var page = await Html.ParseAsync(third);
        Assert.Equal("Too many messages", page.Text("main h1"));
        Assert.Contains("Please wait", page.Text("main"));
        Assert.NotNull(page.QuerySelector("footer.site-footer"));
        Assert.InRange(int.Parse(third.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 3600);

        Html.AssertStatus(await reader.GetAsync("/message"), HttpStatusCode.OK);
        Html.AssertStatus(await reader.GetAsync("/"), HttpStatusCode.OK);
        Html.AssertStatus(await MessageForm.SendAsync(reader, MessageForm.Valid("Fourth")), HttpStatusCode.TooManyRequests);
    }
}
