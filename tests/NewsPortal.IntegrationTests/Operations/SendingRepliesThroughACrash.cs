using System.Globalization;
using System.Net;
using Microsoft.Data.Sqlite;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.IntegrationTests.Mail;
using Xunit.Abstractions;

namespace NewsPortal.IntegrationTests.Operations;

/// <summary>
/// The outbox survives a SIGKILL of the portal in the middle of sending: the real server process is killed while
/// the mail server holds one reply before accepting it, and started again on the same database. Every reply
/// arrives exactly once, and the inbox shows each as sent. Runs on SQLite and on PostgreSQL.
/// </summary>
public sealed class SendingRepliesThroughACrash(ITestOutputHelper output)
{
    private const int ReplyCount = 3;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task No_reply_is_lost_or_sent_twice_when_the_portal_is_killed_mid_send()
    {
        var folder = Directory.CreateTempSubdirectory("newsportal-outbox-crash-").FullName;
        var postgres = TestDatabases.Provider == "Postgres" ? TestDatabases.CreatePostgres() : null;
        await using var smtp = SmtpTestServer.Started();
        var settings = new Dictionary<string, string>
        {
            ["Messages:RateLimit:PermitLimit"] = "1000",
            ["Messages:MinimumFillSeconds"] = "0",
            ["Mail:Host"] = "127.0.0.1",
            ["Mail:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Mail:Security"] = "None",
            ["Mail:From"] = "newsroom@newsportal.test",
            ["Mail:PollSeconds"] = "0.2",
            ["Mail:RetrySeconds"] = "1",
            ["Mail:MaxRetrySeconds"] = "2",
            ["Mail:TimeoutSeconds"] = "2",
            ["Mail:LeaseSeconds"] = "5",
        };
        if (postgres is not null)
        {
            settings["Database:Provider"] = "Postgres";
            settings["Database:ConnectionString"] = postgres;
        }

        try
        {
            var references = new List<string>();
            await using (var first = await PortalProcess.StartAsync(folder, settings, TimeSpan.FromMinutes(3)))
            {
                var (code, text) = await PortalProcess.RunCommandAsync(folder, settings, "staff create --email outbox@newsportal.test --name \"Outbox Moderator\" --role Moderator",
                    TimeSpan.FromMinutes(2), new Dictionary<string, string> { ["NEWSPORTAL_PASSWORD"] = Staff.Password });
                Assert.True(code == 0, text);
                using var staff = await SignInAsync(first);
                var ids = new List<int>();
                for (var i = 0; i < ReplyCount; i++)
                {
                    using var reader = first.Client();
                    var reference = await PortalProcess.LeaveMessageAsync(reader, $"Crash reply {i}", CancellationToken.None);
                    Assert.NotNull(reference);
                    references.Add(reference);
                    ids.Add(await MessageIdAsync(staff, reference));
                }

                smtp.HoldNext();
                foreach (var id in ids)
                {
                    var (_, page) = await Html.GetAsync(staff, $"staff/inbox/{id}");
                    var sent = await Html.SubmitAsync(staff, page, "form.reply-form", new Dictionary<string, string> { ["ReplyText"] = $"Answer to message {id}." });
                    Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
                }

                await smtp.HoldReached.WaitAsync(Patience);
                first.Kill();
                output.WriteLine($"Killed with a reply held by the mail server; accepted before the kill: {smtp.Received.Count}.");
            }

            await using var second = await PortalProcess.StartAsync(folder, settings, TimeSpan.FromMinutes(3));
            await smtp.WaitForAsync(r => references.All(reference => r.Any(m => m.Message.Subject!.Contains(reference, StringComparison.Ordinal))), Patience);
            using var again = await SignInAsync(second);
            foreach (var reference in references)
            {
                var id = await MessageIdAsync(again, reference);
                await WaitUntilShownSentAsync(again, id);
            }

            output.WriteLine($"Accepted in all: {smtp.Received.Count}; abandoned by the killed sender: {smtp.Abandoned}.");
            Assert.Equal(1, smtp.Abandoned);
            Assert.Equal(ReplyCount, smtp.Received.Count);
            foreach (var reference in references)
            {
                Assert.Single(smtp.Received, m => m.Message.Subject!.Contains(reference, StringComparison.Ordinal));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (postgres is not null)
            {
                TestDatabases.DropPostgres(postgres);
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<HttpClient> SignInAsync(PortalProcess portal)
    {
        var client = portal.Client();
        var (_, page) = await Html.GetAsync(client, "staff/sign-in");
        var signedIn = await Html.SubmitAsync(client, page, "main form", new Dictionary<string, string>
        {
            ["Input.Email"] = "outbox@newsportal.test",
            ["Input.Password"] = Staff.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return client;
    }

    /// <summary>Finds a message by its reference through the inbox search.</summary>
    private static async Task<int> MessageIdAsync(HttpClient staff, string reference)
    {
        var (_, list) = await Html.GetAsync(staff, $"staff/inbox?q={reference}");
        var href = list.QuerySelector("table.inbox tbody tr td:nth-child(3) a")!.GetAttribute("href")!;
        return int.Parse(href.Split('/')[^1], CultureInfo.InvariantCulture);
    }

    private static async Task WaitUntilShownSentAsync(HttpClient staff, int id)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var (_, page) = await Html.GetAsync(staff, $"staff/inbox/{id}");
            var delivery = Replies.Delivery(page);
            if (delivery == "sent")
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Message {id}: the reply is shown as \"{delivery}\", not sent.");
            await Task.Delay(200);
        }
    }
}
