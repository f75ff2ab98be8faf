using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Consent;

/// <summary>
/// The portal plus one optional (non-essential) cookie on every response, standing for whatever optional
/// cookie a feature sets (analytics, for instance), so the tests can see the cookie policy drop it or let it through;
/// and a header reporting what ITrackingConsentFeature told the app.
/// </summary>
public sealed class OptionalCookieFactory : PortalFactory
{
    public const string OptionalCookie = "np_optional";
    public const string TrackingHeader = "X-Test-Tracking";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, OptionalCookieOnEveryResponse>());
    }

    private sealed class OptionalCookieOnEveryResponse : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, rest) =>
            {
                context.Response.OnStarting(() =>
                {
                    var tracking = context.Features.Get<ITrackingConsentFeature>();
                    context.Response.Headers[TrackingHeader] = tracking is null ? "missing" : $"CanTrack={tracking.CanTrack}; IsConsentNeeded={tracking.IsConsentNeeded}";
                    context.Response.Cookies.Append(OptionalCookie, "1", new CookieOptions { IsEssential = false });
                    return Task.CompletedTask;
                });
                await rest();
            });
            next(app);
        };
    }
}

public sealed class KeepingOptionalCookiesOff(OptionalCookieFactory factory) : IClassFixture<OptionalCookieFactory>
{
    private static bool HasOptional(HttpResponseMessage response) =>
        response.SetCookies().Any(c => c.StartsWith(OptionalCookieFactory.OptionalCookie + "=", StringComparison.Ordinal));

    [Fact]
    public async Task Before_any_choice_only_strictly_necessary_cookies_are_set()
    {
        var reader = Readers.NewReader(factory);

        var home = await reader.GetAsync("/");
        var form = await reader.GetAsync("/message");

        Assert.False(HasOptional(home));
        Assert.False(HasOptional(form));
        Assert.Contains(form.SetCookies(), c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rejecting_leaves_no_optional_cookie_on_any_page()
    {
        var reader = Readers.NewReader(factory);

        var choice = await Readers.ChooseAsync(reader, "/", "reject");
        var responses = new[] { choice, await reader.GetAsync("/"), await reader.GetAsync("/section/city"), await reader.GetAsync("/privacy"), await reader.GetAsync("/message") };

        Assert.All(responses, r => Assert.False(HasOptional(r)));
        Assert.Equal(["np_consent"], responses.SelectMany(r => r.SetCookies()).Select(c => c.Split('=')[0]).Where(n => !n.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal)));
        Html.AssertStatus(responses[4], HttpStatusCode.OK);
    }

    [Fact]
    public async Task Accepting_lets_optional_cookies_through_and_tells_the_app_it_may_track()
    {
        var reader = Readers.NewReader(factory);

        await Readers.ChooseAsync(reader, "/", "accept");
        var home = await reader.GetAsync("/");

        Assert.True(HasOptional(home));
    }

    [Theory]
    [InlineData(null, "CanTrack=False; IsConsentNeeded=True")]
    [InlineData("reject", "CanTrack=False; IsConsentNeeded=True")]
    [InlineData("accept", "CanTrack=True; IsConsentNeeded=False")]
    public async Task The_tracking_consent_feature_follows_the_readers_choice(string? choice, string expected)
    {
        var reader = Readers.NewReader(factory);
        if (choice is not null)
        {
            await Readers.ChooseAsync(reader, "/", choice);
        }

        var response = await reader.GetAsync("/section/city");

        Assert.Equal(expected, response.Headers.GetValues(OptionalCookieFactory.TrackingHeader).Single());
    }
}
