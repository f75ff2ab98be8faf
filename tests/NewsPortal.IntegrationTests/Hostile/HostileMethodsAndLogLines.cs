using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Articles;
using NewsPortal.IntegrationTests.Infrastructure;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace NewsPortal.IntegrationTests.Hostile;

/// <summary>
/// The portal on real Kestrel, logging at information level, with every event also written as text through the
/// file sink's own output template (the lines the log file gets), kept in memory for the tests to read.
/// </summary>
public sealed class LoggingKestrelPortal : PortalFactory
{
    private readonly TextLogSink _log = new();

    public LoggingKestrelPortal() => UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

    public string BaseUrl => Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Serilog:MinimumLevel:Default", "Information"),
        new("Staff:SignInRateLimit:PermitLimit", "100000"),
    ];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(_log));
    }

    /// <summary>Every line of the log so far.</summary>
    public Task<string[]> LogLinesAsync() => Task.FromResult(_log.Text.Split('\n'));

    private sealed class TextLogSink : ILogEventSink
    {
        // The default output template of Serilog's file and console sinks.
        private readonly MessageTemplateTextFormatter _format = new("{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {Message:lj}{NewLine}{Exception}", CultureInfo.InvariantCulture);
        private readonly StringWriter _text = new(CultureInfo.InvariantCulture) { NewLine = "\n" };

        public string Text
        {
            get
            {
                lock (_text)
                {
                    return _text.ToString();
                }
            }
        }

        public void Emit(LogEvent logEvent)
        {
            lock (_text)
            {
                _format.Format(logEvent, _text);
            }
        }
    }
}

/// <summary>
/// Requests a browser never sends: methods a page does not answer get 405 (not a server error and a page of
/// error log), and control characters in what a request carries are escaped in the log, so a request cannot
/// write a line of its own into it.
/// </summary>
[Collection(nameof(Messages.KeepingMessagesOutOfTheLog))]
public sealed class HostileMethodsAndLogLines(LoggingKestrelPortal portal) : IClassFixture<LoggingKestrelPortal>
{
    private const string Forged = "2026-12-01 23:59:59.000 +00:00 [INF] Staff sign-in succeeded";

    private async Task<string[]> ReaderPathsAsync()
    {
        var article = await TestArticles.AddAsync(portal, $"Methods story {Guid.NewGuid():N}");
        await portal.WithDbAsync(async db =>
        {
            var tracked = await db.Articles.FindAsync(article.Id);
            tracked!.Tags.Add(new Tag { Name = "Method tag", Slug = $"method-tag-{article.Id}" });
            tracked.Authors.Add(new Author { Name = "Method Author", Slug = $"method-author-{article.Id}" });
            await db.SaveChangesAsync();
        });
        return ["/", $"/article/{article.Slug}", "/section/city", $"/tag/method-tag-{article.Id}", $"/author/method-author-{article.Id}", "/search?q=river", "/staff/sign-in"];
    }

    [Theory]
    [InlineData("TRACE")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    [InlineData("OPTIONS")]
    [InlineData("PROPFIND")]
    public async Task A_method_a_page_does_not_answer_gets_405_with_the_methods_it_does(string method)
    {
        foreach (var path in await ReaderPathsAsync())
        {
            var answer = await RawHttp.SendAsync(portal.BaseUrl, method, path);
            Assert.True(answer.Status == 405, $"{method} {path}: {answer.Status}");
            Assert.Equal("GET, HEAD, POST", answer.Headers["Allow"]);
            Assert.Contains("Not allowed", answer.Body);
            Assert.DoesNotContain("Exception", answer.Body);
        }

        Assert.DoesNotContain(await portal.LogLinesAsync(), line => line.Contains("NullReferenceException", StringComparison.Ordinal) || line.Contains("[ERR]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_post_with_a_valid_token_to_a_page_without_a_form_gets_405()
    {
        var paths = await ReaderPathsAsync();
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(portal.BaseUrl) };
        var (_, form) = await Html.GetAsync(client, "/staff/sign-in");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        foreach (var path in paths.Take(5))
        {
            using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
            var response = await client.PostAsync(path, content);
            Html.AssertStatus(response, HttpStatusCode.MethodNotAllowed);
            Assert.Equal("GET, HEAD", string.Join(", ", response.Content.Headers.Allow));
            await Answers.AssertRefusedAsync(response, HttpStatusCode.MethodNotAllowed, "That kind of request is not accepted here");
        }
    }

    [Theory]
    [InlineData("/x%0D%0A" + "2026-12-01%2023:59:59.000%20+00:00%20[INF]%20Staff%20sign-in%20succeeded")]
    [InlineData("/x%0A" + "2026-12-01%2023:59:59.000%20+00:00%20[INF]%20Staff%20sign-in%20succeeded")]
    [InlineData("/x%0D" + "2026-12-01%2023:59:59.000%20+00:00%20[INF]%20Staff%20sign-in%20succeeded")]
    [InlineData("/x%E2%80%A8" + "2026-12-01%2023:59:59.000%20+00:00%20[INF]%20Staff%20sign-in%20succeeded")]
    public async Task Line_breaks_in_a_request_path_stay_inside_its_one_log_line(string path)
    {
        var marker = Guid.NewGuid().ToString("N");
        var answer = await RawHttp.SendAsync(portal.BaseUrl, "GET", $"{path}-{marker}");
        Assert.Equal(404, answer.Status);

        var lines = await WaitForAsync(marker);
        Assert.DoesNotContain(lines, line => line.StartsWith(Forged, StringComparison.Ordinal));
        Assert.True(lines.Any(line => line.Contains(marker, StringComparison.Ordinal)), "Not logged; the log holds: " + string.Join(" || ", lines));
        var logged = Assert.Single(lines, line => line.Contains(marker, StringComparison.Ordinal));
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} [+-]\d\d:\d\d \[INF\] HTTP GET /x\\(r|n|u2028)", logged);
        Assert.Contains("Staff sign-in succeeded-" + marker, logged);
    }

    /// <summary>The log lines, once the request carrying <paramref name="marker"/> has been logged (the request log is written as the answer completes).</summary>
    private async Task<string[]> WaitForAsync(string marker)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var lines = await portal.LogLinesAsync();
            if (lines.Any(l => l.Contains(marker, StringComparison.Ordinal)))
            {
                return lines;
            }

            await Task.Delay(100);
        }

        return await portal.LogLinesAsync();
    }
}
