using System.Net;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Mail;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.IntegrationTests.Messages;
using Serilog.Core;

namespace NewsPortal.IntegrationTests.Mail;

/// <summary>
/// The portal sending mail through a real SMTP server on 127.0.0.1 (<see cref="Smtp"/>, started with the
/// factory), polling its outbox often and retrying after a second, so tests see the outcome quickly.
/// </summary>
public class MailFactory : PortalFactory
{
    public const string Sender = "Newsroom <newsroom@newsportal.test>";

    public SmtpTestServer Smtp { get; } = SmtpTestServer.Started();

    /// <summary>Everything the portal logs, at information level.</summary>
    public LogCapture Log { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(Log));
    }

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Messages:RateLimit:PermitLimit", "1000"),
        new("Mail:Host", "127.0.0.1"),
        new("Mail:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Mail:Security", "None"),
        new("Mail:From", Sender),
        new("Mail:UserName", "portal"),
        new("Mail:Password", SmtpPassword),
        new("Mail:PollSeconds", "0.1"),
        new("Mail:RetrySeconds", "1"),
        new("Mail:MaxRetrySeconds", "2"),
        new("Mail:TimeoutSeconds", "5"),
        new("Mail:LeaseSeconds", "10"),
        new("Serilog:MinimumLevel:Default", "Information"),
        .. MoreSettings(),
    ];

    public const string SmtpPassword = "smtp-Secret-7f3a";

    protected virtual IEnumerable<KeyValuePair<string, string?>> MoreSettings() => [];

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Smtp.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}

/// <summary>Replies through the real inbox pages.</summary>
internal static class Replies
{
    /// <summary>A message left through the form, and its id.</summary>
    public static async Task<(string Reference, int Id)> LeaveMessageAsync(PortalFactory factory, string subject, string email = "li.wei@example.cn")
    {
        var values = MessageForm.Valid(subject);
        values["email"] = email;
        var reference = await MessageForm.LeaveAsync(factory.CreateBrowserClient(), values);
        var id = await factory.WithDbAsync(db => db.Messages.Where(m => m.Reference == reference).Select(m => m.Id).SingleAsync());
        return (reference, id);
    }

    /// <summary>Opens the message and posts its reply form with <paramref name="values"/> over what the form holds.</summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient staff, int id, IDictionary<string, string> values)
    {
        var (response, page) = await Html.GetAsync(staff, $"/staff/inbox/{id}");
        Html.AssertStatus(response, HttpStatusCode.OK);
        return await Html.SubmitAsync(staff, page, "form.reply-form", values);
    }

    public static Task<List<OutgoingMail>> StoredAsync(PortalFactory factory, int id) =>
        factory.WithDbAsync(db => db.OutgoingMails.AsNoTracking().Where(m => m.MessageId == id && m.Kind == MailKind.Reply).OrderBy(m => m.Id).ToListAsync());

    /// <summary>Waits until every reply of the message is in <paramref name="state"/>.</summary>
    public static async Task<List<OutgoingMail>> WaitForStateAsync(PortalFactory factory, int id, MailState state, TimeSpan timeout, Func<OutgoingMail, bool>? also = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var stored = await StoredAsync(factory, id);
            if (stored.Count > 0 && stored.All(m => m.State == state && (also?.Invoke(m) ?? true)))
            {
                return stored;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Replies of message {id} are {string.Join(", ", stored.Select(m => $"{m.State} ({m.Attempts} tries, {m.LastError})"))}, not {state}.");
            }

            await Task.Delay(100);
        }
    }

    public static string Delivery(IDocument page) => page.QuerySelectorAll("#replies .reply .delivery").Select(d => d.TextContent.Trim()).LastOrDefault() ?? "";
}
