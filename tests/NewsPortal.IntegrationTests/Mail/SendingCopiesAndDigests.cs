using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Mail;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.IntegrationTests.Messages;

namespace NewsPortal.IntegrationTests.Mail;

/// <summary>
/// A reader may ask for a copy of their message by email; staff with the inbox may ask for a digest of new messages
/// (one mail per period listing them, not one mail per message). Both are read back from a real SMTP server.
/// </summary>
public sealed class SendingCopiesAndDigests(MailFactory factory) : IClassFixture<MailFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_reader_who_ticks_send_me_a_copy_gets_their_message_with_its_reference()
    {
        var values = MessageForm.Valid("Please send me a copy");
        values["email"] = "copy.reader@example.cn";
        values["copy"] = "yes";

        var reference = await MessageForm.LeaveAsync(factory.CreateBrowserClient(), values);

        var received = await factory.Smtp.WaitForAsync(r => r.Any(m => m.Recipients.Contains("copy.reader@example.cn")), Patience);
        var copy = Assert.Single(received, m => m.Recipients.Contains("copy.reader@example.cn"));
        Assert.Equal($"Your message to NewsPortal: Please send me a copy [{reference}]", copy.Message.Subject);
        Assert.Contains("When does the new bus route start?\nThank you.", (copy.Message.TextBody ?? "").ReplaceLineEndings("\n"));
        Assert.Equal(MailState.Sent, await factory.WithDbAsync(db => db.OutgoingMails.Where(m => m.To == "copy.reader@example.cn").Select(m => m.State).SingleAsync()));
    }

    [Fact]
    public async Task No_copy_is_sent_unasked_or_for_a_message_filed_as_spam()
    {
        var unasked = MessageForm.Valid("No copy asked");
        unasked["email"] = "no.copy@example.cn";
        var trapped = MessageForm.Valid("Bot asking for a copy");
        trapped["email"] = "bot.victim@example.cn";
        trapped["copy"] = "yes";
        trapped["website"] = "http://spam.example";

        await MessageForm.LeaveAsync(factory.CreateBrowserClient(), unasked);
        await MessageForm.LeaveAsync(factory.CreateBrowserClient(), trapped);

        Assert.Equal(0, await factory.WithDbAsync(db => db.OutgoingMails.CountAsync(m => m.To == "no.copy@example.cn" || m.To == "bot.victim@example.cn")));
    }

    [Fact]
    public async Task A_moderator_who_asks_for_the_digest_gets_one_mail_listing_the_new_messages()
    {
        var email = await Staff.CreateAsync(factory, StaffRoles.Moderator);
        var moderator = factory.CreateBrowserClient();
        await Staff.SignInAsync(moderator, email);
        var (_, inbox) = await Html.GetAsync(moderator, "/staff/inbox");
        var chosen = await Html.SubmitAsync(moderator, inbox, "form.digest-form", new Dictionary<string, string> { ["digest"] = "on" });
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        var (_, after) = await Html.GetAsync(moderator, "/staff/inbox");
        Assert.Equal("Stop the digest", after.Text("form.digest-form button"));

        var first = await MessageForm.LeaveAsync(factory.CreateBrowserClient(), MessageForm.Valid("Digest one"));
        var second = await MessageForm.LeaveAsync(factory.CreateBrowserClient(), MessageForm.Valid("Digest two"));
        var spam = MessageForm.Valid("Digest spam");
        spam["website"] = "http://spam.example";
        var spamReference = await MessageForm.LeaveAsync(factory.CreateBrowserClient(), spam);
        factory.Clock.Advance(TimeSpan.FromMinutes(61));

        var received = await factory.Smtp.WaitForAsync(r => r.Any(m => m.Recipients.Contains(email)), Patience);
        var digest = Assert.Single(received, m => m.Recipients.Contains(email)).Message;
        Assert.Equal("NewsPortal: 2 new reader messages", digest.Subject);
        Assert.Contains(first, digest.TextBody);
        Assert.Contains(second, digest.TextBody);
        Assert.DoesNotContain(spamReference, digest.TextBody);

        var third = await MessageForm.LeaveAsync(factory.CreateBrowserClient(), MessageForm.Valid("Digest three"));
        factory.Clock.Advance(TimeSpan.FromMinutes(61));
        received = await factory.Smtp.WaitForAsync(r => r.Count(m => m.Recipients.Contains(email)) >= 2, Patience);
        var next = received.Where(m => m.Recipients.Contains(email)).Select(m => m.Message).ToList();
        Assert.Equal(2, next.Count);
        Assert.Equal("NewsPortal: 1 new reader message", next[1].Subject);
        Assert.Contains(third, next[1].TextBody);
        Assert.DoesNotContain(first, next[1].TextBody);
    }
}
