using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Messages;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Messages;

/// <summary>The portal with its default message limit (only the fill-time check is off, as in every test).</summary>
public sealed class DefaultLimitsFactory : PortalFactory;

/// <summary>The portal checking the minimum fill time of 3 seconds, on the test clock.</summary>
public sealed class FillTimeFactory : PortalFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
        [new("Messages:MinimumFillSeconds", "3"), new("Messages:RateLimit:PermitLimit", "1000")];
}

/// <summary>
/// Limits that are fair to readers: only accepted messages count, so 50 readers behind one address (an office, a
/// carrier) can each leave a message in an hour, mistakes included; past the limit the form comes back with what was
/// typed. Every request of these tests comes from the same client address.
/// </summary>
public sealed class LeavingMessagesFairly(DefaultLimitsFactory factory) : IClassFixture<DefaultLimitsFactory>
{
    [Fact]
    public async Task Fifty_readers_behind_one_address_each_leave_a_message_in_an_hour_despite_mistakes()
    {
        var accepted = 0;
        for (var reader = 0; reader < 50; reader++)
        {
            var client = factory.CreateBrowserClient();
            var mistake = await MessageForm.SendAsync(client, new Dictionary<string, string> { ["name"] = $"Reader {reader}", ["email"] = "not an address" });
            Html.AssertStatus(mistake, HttpStatusCode.UnprocessableEntity);
            var values = MessageForm.Valid($"Office reader {reader}");
            var sent = await MessageForm.SendAsync(client, values);
            Html.AssertStatus(sent, HttpStatusCode.SeeOther);
            accepted++;
            factory.Clock.Advance(TimeSpan.FromSeconds(30));
        }

        Assert.Equal(50, accepted);
        Assert.Equal(50, await factory.WithDbAsync(db => db.Messages.CountAsync(m => m.Subject.StartsWith("Office reader "))));
    }

    [Fact]
    public async Task Past_the_limit_the_form_comes_back_with_everything_typed_and_nothing_is_stored()
    {
        using var portal = new LowLimitFactory();
        var reader = portal.CreateBrowserClient();
        Html.AssertStatus(await MessageForm.SendAsync(reader, MessageForm.Valid("First")), HttpStatusCode.SeeOther);
        Html.AssertStatus(await MessageForm.SendAsync(reader, new Dictionary<string, string> { ["subject"] = "" }), HttpStatusCode.UnprocessableEntity);
        Html.AssertStatus(await MessageForm.SendAsync(reader, MessageForm.Valid("Second")), HttpStatusCode.SeeOther);

        var values = MessageForm.Valid("Third, over the limit");
        values["message"] = "Everything I typed\nis still here.";
        var refused = await MessageForm.SendAsync(reader, values);

        Html.AssertStatus(refused, HttpStatusCode.TooManyRequests);
        var page = await Html.ParseAsync(refused);
        Assert.Contains("Too many messages have been sent from your network", page.Text(".error-summary"));
        Assert.Equal("Third, over the limit", page.Value("subject"));
        Assert.Equal("Everything I typed\nis still here.", page.Value("message"));
        Assert.Equal("li.wei@example.cn", page.Value("email"));
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 3600);
        Assert.Equal(0, await portal.WithDbAsync(db => db.Messages.CountAsync(m => m.Subject == "Third, over the limit")));
    }

    [Fact]
    public async Task Pressing_I_Agree_on_the_message_page_keeps_what_was_typed_and_sends_nothing()
    {
        var reader = factory.CreateBrowserClient();
        var (_, form) = await Html.GetAsync(reader, "/message");
        var agree = form.QuerySelector("#consent-banner button[value=accept]")!;
        Assert.Equal("message-form", agree.GetAttribute("form"));
        Assert.Equal("consent", agree.GetAttribute("name"));
        Assert.Null(form.QuerySelector("#consent-banner form"));
        var values = MessageForm.Valid("Typed before choosing cookies");
        values["consent"] = "accept";

        var response = await Html.SubmitAsync(reader, form, "form.message-form", values);

        Html.AssertStatus(response, HttpStatusCode.OK);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Typed before choosing cookies", page.Value("subject"));
        Assert.Equal("When does the new bus route start?\nThank you.", page.Value("message"));
        Assert.Equal("Li Wei", page.Value("name"));
        Assert.Null(page.QuerySelector("#consent-banner"));
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("np_consent=", StringComparison.Ordinal));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Messages.CountAsync(m => m.Subject == "Typed before choosing cookies")));

        var sent = await Html.SubmitAsync(reader, page, "form.message-form");
        Html.AssertStatus(sent, HttpStatusCode.SeeOther);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Messages.CountAsync(m => m.Subject == "Typed before choosing cookies")));
    }

    private sealed class LowLimitFactory : PortalFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
            [new("Messages:RateLimit:PermitLimit", "2"), new("Messages:RateLimit:WindowSeconds", "3600")];
    }
}

/// <summary>Simple bots are kept out by a minimum fill time carried in a signed field (and the honeypot), with no third-party CAPTCHA.</summary>
public sealed class CheckingTheFillTime(FillTimeFactory factory) : IClassFixture<FillTimeFactory>
{
    private Task<Message> StoredAsync(string reference) => factory.WithDbAsync(db => db.Messages.SingleAsync(m => m.Reference == reference));

    [Fact]
    public async Task A_form_sent_within_three_seconds_is_filed_as_spam_behind_the_same_thank_you_page()
    {
        var reference = await MessageForm.LeaveAsync(factory.CreateBrowserClient(), MessageForm.Valid("Too fast"));

        var stored = await StoredAsync(reference);
        Assert.Equal(MessageStatus.Spam, stored.Status);
        Assert.StartsWith("Sent 0.0 seconds after the form was shown", stored.SpamReason);
    }

    [Fact]
    public async Task A_form_filled_in_at_a_human_pace_is_received_as_new()
    {
        var reader = factory.CreateBrowserClient();
        var (_, form) = await Html.GetAsync(reader, "/message");
        factory.Clock.Advance(TimeSpan.FromSeconds(4));

        var sent = await Html.SubmitAsync(reader, form, "form.message-form", MessageForm.Valid("Human pace"));

        Html.AssertStatus(sent, HttpStatusCode.SeeOther);
        var (_, thanks) = await Html.GetAsync(reader, sent.Headers.Location!.OriginalString);
        Assert.Equal(MessageStatus.New, (await StoredAsync(thanks.Text("#message-reference"))).Status);
    }

    [Fact]
    public async Task A_forged_start_time_is_filed_as_spam()
    {
        var values = MessageForm.Valid("Forged stamp");
        values["started"] = "638000000000000000";
        factory.Clock.Advance(TimeSpan.FromSeconds(4));

        var reference = await MessageForm.LeaveAsync(factory.CreateBrowserClient(), values);

        var stored = await StoredAsync(reference);
        Assert.Equal(MessageStatus.Spam, stored.Status);
        Assert.Equal("The form's signed start time was missing or altered.", stored.SpamReason);
    }

    [Fact]
    public async Task A_correction_keeps_the_time_the_form_was_first_shown()
    {
        var reader = factory.CreateBrowserClient();
        var (_, form) = await Html.GetAsync(reader, "/message");
        factory.Clock.Advance(TimeSpan.FromSeconds(2));
        var mistake = await Html.SubmitAsync(reader, form, "form.message-form", new Dictionary<string, string> { ["subject"] = "" });
        var page = await Html.ParseAsync(mistake);
        factory.Clock.Advance(TimeSpan.FromSeconds(2));

        var sent = await Html.SubmitAsync(reader, page, "form.message-form", MessageForm.Valid("Corrected"));

        var (_, thanks) = await Html.GetAsync(reader, sent.Headers.Location!.OriginalString);
        Assert.Equal(MessageStatus.New, (await StoredAsync(thanks.Text("#message-reference"))).Status);
    }
}
