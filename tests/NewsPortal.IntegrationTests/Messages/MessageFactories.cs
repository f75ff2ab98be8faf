using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.Infrastructure;
using Serilog.Core;
using Serilog.Events;

namespace NewsPortal.IntegrationTests.Messages;

/// <summary>
/// The portal with the message rate limit raised well above what one test class sends (in tests every
/// request comes from the same client address).
/// </summary>
public sealed class MessagesFactory : PortalFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings() => [new("Messages:RateLimit:PermitLimit", "1000")];
}

/// <summary>
/// The portal logging at information level, with every log event also kept in <see cref="Log"/> (the portal's
/// Serilog takes extra sinks from its services) so tests can read what is logged.
/// </summary>
public sealed class LoggedMessagesFactory : PortalFactory
{
    public LogCapture Log { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() => [new("Serilog:MinimumLevel:Default", "Information")];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(Log));
    }
}

/// <summary>Every log event as text: the rendered message, every property and any exception.</summary>
public sealed class LogCapture : ILogEventSink
{
    private readonly List<string> _lines = [];

    public void Emit(LogEvent logEvent)
    {
        var line = $"{logEvent.Level} {logEvent.RenderMessage(CultureInfo.InvariantCulture)} | "
            + string.Join("; ", logEvent.Properties.Select(p => $"{p.Key}={p.Value}")) + " " + logEvent.Exception;
        lock (_lines)
        {
            _lines.Add(line);
        }
    }

    public string Text
    {
        get
        {
            lock (_lines)
            {
                return string.Join("\n", _lines);
            }
        }
    }
}

/// <summary>Leaves messages through the real form.</summary>
internal static class MessageForm
{
    public static Dictionary<string, string> Valid(string subject = "Bus route 114") => new()
    {
        ["name"] = "Li Wei",
        ["email"] = "li.wei@example.cn",
        ["subject"] = subject,
        ["message"] = "When does the new bus route start?\nThank you.",
    };

    public static async Task<HttpResponseMessage> SendAsync(HttpClient reader, IDictionary<string, string> values)
    {
        var (response, form) = await Html.GetAsync(reader, "/message");
        Html.AssertStatus(response, HttpStatusCode.OK);
        return await Html.SubmitAsync(reader, form, "form.message-form", values);
    }

    /// <summary>Sends a valid message and returns the reference the thank-you page shows.</summary>
    public static async Task<string> LeaveAsync(HttpClient reader, IDictionary<string, string> values)
    {
        var sent = await SendAsync(reader, values);
        Html.AssertStatus(sent, HttpStatusCode.SeeOther);
        var (thanks, page) = await Html.GetAsync(reader, sent.Headers.Location!.OriginalString);
        Html.AssertStatus(thanks, HttpStatusCode.OK);
        return page.Text("#message-reference");
    }

    public static string Value(this IDocument page, string field) =>
        page.QuerySelector($"#{field}") switch
        {
            AngleSharp.Html.Dom.IHtmlTextAreaElement area => area.Value,
            AngleSharp.Html.Dom.IHtmlInputElement input => input.Value,
            _ => throw new InvalidOperationException($"No field #{field}"),
        };
}
