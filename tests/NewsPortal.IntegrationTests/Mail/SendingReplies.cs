using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsPortal.Core.Mail;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.IntegrationTests.Messages;
using NewsPortal.Web.Features.Mail;

namespace NewsPortal.IntegrationTests.Mail;

/// <summary>
/// Staff answer a message from its inbox page; the reply is stored with the message, sent through a real SMTP
/// server on 127.0.0.1 by the outbox, read back from that server, and shown in the thread with its delivery state.
/// </summary>
[Collection(nameof(Messages.KeepingMessagesOutOfTheLog))]
public sealed class SendingReplies(MailFactory factory) : IClassFixture<MailFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_reply_arrives_once_from_the_configured_sender_with_the_reference_and_is_kept_in_the_thread()
    {
        var (reference, id) = await Replies.LeaveMessageAsync(factory, "Bus route 114 timetable", "zhou.lan@example.cn");
        var moderator = await Staff.SignedInClientAsync(factory, StaffRoles.Moderator);

        var (_, page) = await Html.GetAsync(moderator, $"/staff/inbox/{id}");
        Assert.Equal("zhou.lan@example.cn", page.QuerySelector("#ReplyTo")!.GetAttribute("value"));
        Assert.Equal($"Re: Bus route 114 timetable [{reference}]", page.QuerySelector("#ReplySubject")!.GetAttribute("value"));
        var sent = await Html.SubmitAsync(moderator, page, "form.reply-form", new Dictionary<string, string> { ["ReplyText"] = "The new timetable starts on Monday.\nThank you for asking." });

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal($"/staff/inbox/{id}#replies", sent.Headers.Location!.OriginalString);
        await Replies.WaitForStateAsync(factory, id, MailState.Sent, Patience);
        var mail = Assert.Single(factory.Smtp.Received, m => m.Raw.Contains(reference, StringComparison.Ordinal));
        Assert.Equal(["zhou.lan@example.cn"], mail.Recipients);
        Assert.Equal("newsroom@newsportal.test", mail.From);
        var message = mail.Message;
        Assert.Equal($"Re: Bus route 114 timetable [{reference}]", message.Subject);
        Assert.Equal(("Newsroom", "newsroom@newsportal.test"), (message.From.Mailboxes.Single().Name, message.From.Mailboxes.Single().Address));
        Assert.Contains("The new timetable starts on Monday.\nThank you for asking.", (message.TextBody ?? "").ReplaceLineEndings("\n"));
        Assert.Contains($"portal:{MailFactory.SmtpPassword}", factory.Smtp.Credentials);

        var (_, thread) = await Html.GetAsync(moderator, $"/staff/inbox/{id}");
        Assert.Equal("sent", Replies.Delivery(thread));
        Assert.Contains("The new timetable starts on Monday.", thread.Text("#replies .reply-list"));
        Assert.Contains("Test Moderator", thread.Text("#replies .reply .meta"));
        var (_, list) = await Html.GetAsync(moderator, $"/staff/inbox?q={reference}");
        Assert.Equal("1", list.QuerySelector("table.inbox tbody tr td:nth-child(7)")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_reply_waits_while_the_mail_server_is_down_and_is_sent_once_when_it_comes_back()
    {
        await using var smtp = new SmtpTestServer();
        using var portal = new DownServerFactory(smtp.Port);
        var (reference, id) = await Replies.LeaveMessageAsync(portal, "Noise from the building site");
        var moderator = await Staff.SignedInClientAsync(portal, StaffRoles.Moderator);

        var sent = await Replies.SendAsync(moderator, id, new Dictionary<string, string> { ["ReplyText"] = "We have asked the site manager." });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var failedOnce = await Replies.WaitForStateAsync(portal, id, MailState.Queued, Patience, m => m.Attempts >= 1 && m.LastError is not null);
        var (_, queued) = await Html.GetAsync(moderator, $"/staff/inbox/{id}");
        Assert.StartsWith("queued (try 2; the last try failed: could not reach the mail server", Replies.Delivery(queued));
        Assert.Contains(failedOnce[0].LastError!, Replies.Delivery(queued));

        smtp.Start();
        portal.Clock.Advance(TimeSpan.FromSeconds(5));
        await Replies.WaitForStateAsync(portal, id, MailState.Sent, Patience);

        Assert.Single(smtp.Received);
        Assert.Contains(reference, smtp.Received[0].Message.Subject);
        var (_, thread) = await Html.GetAsync(moderator, $"/staff/inbox/{id}");
        Assert.Equal("sent", Replies.Delivery(thread));
    }

    [Fact]
    public async Task A_server_that_refuses_the_address_marks_the_reply_failed_with_its_reason()
    {
        var (_, id) = await Replies.LeaveMessageAsync(factory, "Refused address", "refused.reader@example.cn");
        var moderator = await Staff.SignedInClientAsync(factory, StaffRoles.Moderator);

        await Replies.SendAsync(moderator, id, new Dictionary<string, string> { ["ReplyText"] = "Hello." });

        await Replies.WaitForStateAsync(factory, id, MailState.Failed, Patience);
        var (_, page) = await Html.GetAsync(moderator, $"/staff/inbox/{id}");
        Assert.Equal("failed: the mail server refused the recipient (550 5.1.1 No such mailbox here)", Replies.Delivery(page));
    }

    [Fact]
    public async Task Several_senders_at_once_send_each_reply_exactly_once()
    {
        var moderator = await Staff.SignedInClientAsync(factory, StaffRoles.Moderator);
        var outbox = factory.Services.GetServices<IHostedService>().OfType<MailOutboxService>().Single();
        var ids = new List<(string Reference, int Id)>();
        for (var i = 0; i < 12; i++)
        {
            ids.Add(await Replies.LeaveMessageAsync(factory, $"Concurrent {i}"));
        }

        var replying = ids.Select(m => Replies.SendAsync(moderator, m.Id, new Dictionary<string, string> { ["ReplyText"] = $"Answer to {m.Reference}" })).ToList();
        // Four more senders beside the portal's own, all claiming from the same outbox at once.
        using var stop = new CancellationTokenSource(Patience);
        var senders = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested && !replying.All(r => r.IsCompleted))
            {
                await outbox.SendDueAsync(stop.Token);
            }

            await outbox.SendDueAsync(stop.Token);
        })).ToList();
        await Task.WhenAll(replying);
        await Task.WhenAll(senders);
        foreach (var (_, id) in ids)
        {
            await Replies.WaitForStateAsync(factory, id, MailState.Sent, Patience);
        }

        foreach (var (reference, _) in ids)
        {
            Assert.Single(factory.Smtp.Received, m => (m.Message.Subject ?? "").Contains(reference, StringComparison.Ordinal) && (m.Message.TextBody ?? "").Contains("Answer to", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Without_a_mail_server_a_reply_is_kept_and_marked_not_sent()
    {
        using var portal = new MessagesFactory();
        var (_, id) = await Replies.LeaveMessageAsync(portal, "No mail server here");
        var moderator = await Staff.SignedInClientAsync(portal, StaffRoles.Moderator);
        var (_, form) = await Html.GetAsync(moderator, $"/staff/inbox/{id}");
        Assert.Contains("No mail server is configured", form.Text("#mail-not-configured"));

        var sent = await Html.SubmitAsync(moderator, form, "form.reply-form", new Dictionary<string, string> { ["ReplyText"] = "Kept, not sent." });

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var stored = Assert.Single(await Replies.StoredAsync(portal, id));
        Assert.Equal(MailState.NotSent, stored.State);
        Assert.Contains("Kept, not sent.", stored.Body);
        var (_, page) = await Html.GetAsync(moderator, $"/staff/inbox/{id}");
        Assert.Equal("not sent: no mail server configured", Replies.Delivery(page));
    }

    [Fact]
    public async Task The_mail_password_is_never_logged()
    {
        var (_, id) = await Replies.LeaveMessageAsync(factory, "Password check");
        var moderator = await Staff.SignedInClientAsync(factory, StaffRoles.Moderator);
        await Replies.SendAsync(moderator, id, new Dictionary<string, string> { ["ReplyText"] = "Checking the log." });
        await Replies.WaitForStateAsync(factory, id, MailState.Sent, Patience);

        Assert.True(factory.Log.Text.Contains("sent on try 1", StringComparison.Ordinal), factory.Log.Text);
        Assert.DoesNotContain(MailFactory.SmtpPassword, factory.Log.Text, StringComparison.Ordinal);
    }

    /// <summary>A portal whose mail server is not listening yet.</summary>
    private sealed class DownServerFactory(int port) : PortalFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
        [
            new("Mail:Host", "127.0.0.1"),
            new("Mail:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Mail:Security", "None"),
            new("Mail:From", MailFactory.Sender),
            new("Mail:PollSeconds", "0.1"),
            new("Mail:RetrySeconds", "2"),
            new("Mail:TimeoutSeconds", "5"),
            new("Mail:LeaseSeconds", "10"),
        ];
    }
}
