using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Consent;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Consent;

public sealed class GivingCookieConsent(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_new_reader_sees_a_banner_with_two_equal_choices_and_no_per_reader_token()
    {
        var reader = Readers.NewReader(factory);

        var (response, page) = await Html.GetAsync(reader, "/section/city");

        Html.AssertStatus(response, HttpStatusCode.OK);
        var banner = page.Banner()!;
        var buttons = banner.QuerySelectorAll("button[type=submit]");
        Assert.Equal(["I Agree", "Reject"], buttons.Select(b => b.TextContent.Trim()));
        Assert.Equal(buttons[0].GetAttribute("class"), buttons[1].GetAttribute("class"));
        Assert.Equal("/consent", banner.QuerySelector("form")!.GetAttribute("action"));
        Assert.Equal("/section/city", banner.QuerySelector("input[name=returnUrl]")!.GetAttribute("value"));
        Assert.NotNull(banner.QuerySelector("a[href='/privacy']"));
        Assert.NotNull(banner.QuerySelector("a[href='/terms']"));
        Assert.Null(banner.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.Empty(response.SetCookies());
    }

    [Fact]
    public async Task Accepting_returns_to_the_same_page_without_the_banner_and_records_the_choice()
    {
        var reader = Readers.NewReader(factory);
        var before = await factory.WithDbAsync(db => db.ConsentRecords.CountAsync());

        var response = await Readers.ChooseAsync(reader, "/section/city?page=2", "accept");

        Assert.Equal("/section/city?page=2", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.SetCookies());
        Assert.Matches("^np_consent=[0-9a-f]{32}\\.a\\.1\\.1;", cookie);
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=lax", cookie);
        var expires = DateTimeOffset.Parse(cookie.Split("expires=")[1].Split(';')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expires - factory.Clock.GetUtcNow(), TimeSpan.FromDays(364), TimeSpan.FromDays(366));

        var (_, home) = await Html.GetAsync(reader, "/");
        var (_, article) = await Html.GetAsync(reader, "/section/city");
        Assert.Null(home.Banner());
        Assert.Null(article.Banner());

        var records = await factory.WithDbAsync(db => db.ConsentRecords.OrderBy(r => r.Id).Skip(before).ToListAsync());
        var record = Assert.Single(records);
        Assert.Equal(ConsentChoice.Accepted, record.Choice);
        Assert.Equal((1, 1), (record.PrivacyVersion, record.TermsVersion));
        Assert.Contains(record.ConsentId.ToString("N"), cookie);
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime, record.RecordedAt, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Rejecting_also_hides_the_banner_and_is_recorded_as_a_rejection()
    {
        var reader = Readers.NewReader(factory);

        var response = await Readers.ChooseAsync(reader, "/", "reject");

        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.Matches("^np_consent=[0-9a-f]{32}\\.r\\.1\\.1;", Assert.Single(response.SetCookies()));
        var (_, home) = await Html.GetAsync(reader, "/");
        Assert.Null(home.Banner());
        var id = Guid.ParseExact(response.SetCookies()[0][11..43], "N");
        Assert.Equal(ConsentChoice.Rejected, await factory.WithDbAsync(db => db.ConsentRecords.Where(r => r.ConsentId == id).Select(r => r.Choice).SingleAsync()));
    }

    [Theory]
    [InlineData("https://evil.example/steal")]
    [InlineData("//evil.example/steal")]
    [InlineData("/\\evil.example")]
    [InlineData("javascript:alert(1)")]
    public async Task A_return_address_on_another_host_is_refused(string returnUrl)
    {
        var reader = Readers.NewReader(factory);
        var (_, page) = await Html.GetAsync(reader, "/");

        var response = await Html.SubmitAsync(reader, page, "#consent-banner form", new Dictionary<string, string>
        {
            ["choice"] = "accept",
            ["returnUrl"] = returnUrl,
        });

        Html.AssertStatus(response, HttpStatusCode.SeeOther);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Without_a_usable_return_address_the_reader_goes_back_to_the_page_the_form_was_on()
    {
        var reader = Readers.NewReader(factory);
        reader.DefaultRequestHeaders.Referrer = new Uri("http://localhost/tag/transport?page=1");

        var response = await reader.PostAsync("/consent", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["choice"] = "reject",
            ["returnUrl"] = "https://evil.example/",
        }));

        Html.AssertStatus(response, HttpStatusCode.SeeOther);
        Assert.Equal("/tag/transport?page=1", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("https://evil.example", null)]
    [InlineData("null", null)]
    [InlineData(null, "https://evil.example/page")]
    [InlineData(null, null)]
    public async Task A_choice_sent_from_another_site_is_not_saved(string? origin, string? referer)
    {
        var client = factory.CreateBrowserClient();
        var before = await factory.WithDbAsync(db => db.ConsentRecords.CountAsync());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/consent")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["choice"] = "accept", ["returnUrl"] = "/" }),
        };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (referer is not null)
        {
            request.Headers.Referrer = new Uri(referer);
        }

        var response = await client.SendAsync(request);

        Html.AssertStatus(response, HttpStatusCode.Forbidden);
        Assert.Contains("not saved", (await Html.ParseAsync(response)).Text("h1"));
        Assert.Empty(response.SetCookies());
        Assert.Equal(before, await factory.WithDbAsync(db => db.ConsentRecords.CountAsync()));
    }

    [Fact]
    public async Task A_choice_that_is_neither_accept_nor_reject_is_refused_clearly()
    {
        var reader = Readers.NewReader(factory);

        var response = await reader.PostAsync("/consent", new FormUrlEncodedContent(new Dictionary<string, string> { ["choice"] = "maybe" }));

        Html.AssertStatus(response, HttpStatusCode.BadRequest);
        Assert.Contains("I Agree", (await Html.ParseAsync(response)).Text("main"));
        Assert.Empty(response.SetCookies());
    }

    [Fact]
    public async Task The_cookie_settings_page_shows_the_choice_and_changes_it_under_the_same_id()
    {
        var reader = Readers.NewReader(factory);
        var (_, fresh) = await Html.GetAsync(reader, "/cookie-settings");
        Assert.Contains("You have not made a choice yet", fresh.Text("#consent-status"));
        Assert.Null(fresh.Banner());

        await Readers.ChooseAsync(reader, "/", "accept");
        var (_, accepted) = await Html.GetAsync(reader, "/cookie-settings");
        Assert.Contains("you agreed", accepted.Text("#consent-status"));

        var change = await Html.SubmitAsync(reader, accepted, "form.consent-choice", new Dictionary<string, string> { ["choice"] = "reject" });
        Html.AssertStatus(change, HttpStatusCode.SeeOther);
        Assert.Equal("/cookie-settings", change.Headers.Location!.OriginalString);
        var (response, rejected) = await Html.GetAsync(reader, "/cookie-settings");
        Assert.Contains("you rejected", rejected.Text("#consent-status"));
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());

        var id = Guid.ParseExact(change.SetCookies()[0][11..43], "N");
        var choices = await factory.WithDbAsync(db => db.ConsentRecords.Where(r => r.ConsentId == id).OrderBy(r => r.Id).Select(r => r.Choice).ToListAsync());
        Assert.Equal([ConsentChoice.Accepted, ConsentChoice.Rejected], choices);
    }

    [Fact]
    public async Task A_cached_page_keeps_one_copy_per_consent_state()
    {
        var undecided = Readers.NewReader(factory);
        var alsoUndecided = Readers.NewReader(factory);
        var decided = Readers.NewReader(factory);
        await Readers.ChooseAsync(decided, "/", "accept");

        var first = await undecided.GetAsync("/section/culture");
        var withoutBanner = await decided.GetAsync("/section/culture");
        var second = await alsoUndecided.GetAsync("/section/culture");

        Assert.NotNull((await Html.ParseAsync(first)).Banner());
        Assert.Null((await Html.ParseAsync(withoutBanner)).Banner());
        Assert.NotNull((await Html.ParseAsync(second)).Banner());
        // The same stored copy (one ETag per rendering) for both undecided readers, another for the one who chose.
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.NotEqual(first.Headers.ETag, withoutBanner.Headers.ETag);
    }

    [Fact]
    public async Task A_tampered_cookie_counts_as_no_choice()
    {
        var client = factory.CreateBrowserClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", "np_consent=yes");

        var page = await Html.ParseAsync(await client.SendAsync(request));

        Assert.NotNull(page.Banner());
    }

    [Fact]
    public async Task Error_pages_carry_the_banner_and_return_to_the_address_asked_for()
    {
        var reader = Readers.NewReader(factory);

        var (response, page) = await Html.GetAsync(reader, "/article/no-such-story?x=1");

        Html.AssertStatus(response, HttpStatusCode.NotFound);
        Assert.Equal("/article/no-such-story?x=1", page.Banner()!.QuerySelector("input[name=returnUrl]")!.GetAttribute("value"));
    }
}
