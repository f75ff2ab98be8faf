using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.IntegrationTests.Newsroom;
using NewsPortal.IntegrationTests.Operations;
using NewsPortal.Web.Features.Staff.Articles;
using Npgsql;

namespace NewsPortal.IntegrationTests.Faults;

/// <summary>
/// The portal on a PostgreSQL server of the test's own, stopped for real while readers use the site: the error
/// page still renders, a message that cannot be stored is handed back to its writer, /health answers Unhealthy
/// by name, and the log holds one line per failure and interval rather than one per request.
/// </summary>
[Trait(DatabaseTrait.Name, DatabaseTrait.ProviderIndependent)]
public sealed class SurvivingADatabaseOutage : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("newsportal-db-outage-").FullName;
    private readonly PrivatePostgres _postgres = new();

    public Task InitializeAsync() => _postgres.InitAndStartAsync();

    public async Task DisposeAsync()
    {
        await _postgres.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Readers_get_a_real_error_page_and_their_message_back_while_the_database_is_down_and_the_site_recovers()
    {
        await using var portal = FaultPortals.Start(FaultPortals.Settings(_folder, redis: null, _postgres.ConnectionString()));
        var reader = portal.Client(new CookieContainer());
        Html.AssertStatus(await reader.GetAsync(""), HttpStatusCode.OK);
        var (form, formPage) = await Html.GetAsync(reader, "message");
        Html.AssertStatus(form, HttpStatusCode.OK);
        var editor = portal.Client(new CookieContainer());
        await FaultPortals.SignInEditorAsync(portal, editor);
        var (_, articleForm) = await Html.GetAsync(editor, ArticleForms.NewArticle);
        var city = articleForm.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("select[name='Input.SectionId']")!.Options.First(o => o.Text.Trim() == "City").Value;

        // A database that still answers but refuses writes: an editor's save is refused with the reason and the
        // form as sent, and nothing of it is stored.
        await SetReadOnlyAsync(true);
        var save = await Html.SubmitAsync(editor, articleForm, "#article-form", new Dictionary<string, string>
        {
            ["Input.Headline"] = "Ferry timetable changes",
            ["Input.SectionId"] = city,
            ["Input.Body"] = "The last ferry now leaves at eleven.",
            ["Command"] = "publish",
        });
        Html.AssertStatus(save, HttpStatusCode.ServiceUnavailable);
        Assert.True(save.Headers.RetryAfter is not null, "A 503 should say when to try again");
        var notSaved = await Html.ParseAsync(save);
        Assert.Contains(EditModel.NotSaved, notSaved.Body!.TextContent);
        Assert.Equal("Ferry timetable changes", notSaved.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='Input.Headline']")!.Value);
        Assert.Equal("The last ferry now leaves at eleven.", notSaved.QuerySelector<AngleSharp.Html.Dom.IHtmlTextAreaElement>("textarea[name='Input.Body']")!.Value);
        await SetReadOnlyAsync(false);
        Assert.False(await portal.WithDbAsync((db, _) => db.Articles.AnyAsync(a => a.Headline == "Ferry timetable changes")));

        await _postgres.StopAsync();

        // Staff cannot be told apart from strangers without the database: their pages fail, without detail.
        var (staffPage, staffError) = await Html.GetAsync(editor, "staff");
        Html.AssertStatus(staffPage, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("Something went wrong", staffError.Text("h1"));

        // The section menu's one-minute copy has run out, as it does during any outage longer than a minute.
        ((MemoryCache)portal.Services.GetRequiredService<IMemoryCache>()).Clear();
        for (var i = 0; i < 30; i++)
        {
            var (failed, page) = await Html.GetAsync(reader, $"search?q=outage{i}");
            Html.AssertStatus(failed, HttpStatusCode.ServiceUnavailable);
            Assert.True(failed.Headers.RetryAfter is not null, "A 503 should say when to try again");
            Assert.Equal("Something went wrong", page.Text("h1"));
            Assert.NotNull(page.QuerySelector("nav.section-nav a[href='/']"));
        }

        var posted = await Html.SubmitAsync(reader, formPage, "form.message-form", new Dictionary<string, string>
        {
            ["name"] = "Outage Reader",
            ["email"] = "outage.reader@example.org",
            ["subject"] = "Pothole on Harbour Road",
            ["message"] = "It has been there for weeks.",
        });
        Html.AssertStatus(posted, HttpStatusCode.ServiceUnavailable);
        Assert.True(posted.Headers.RetryAfter is not null, "A 503 should say when to try again");
        var refused = await Html.ParseAsync(posted);
        Assert.Contains("not sent", refused.Text(".error-summary"));
        Assert.Equal("Pothole on Harbour Road", refused.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=subject]")!.Value);
        Assert.Equal("It has been there for weeks.", refused.QuerySelector<AngleSharp.Html.Dom.IHtmlTextAreaElement>("textarea[name=message]")!.Value);

        var health = await reader.GetAsync("health");
        Html.AssertStatus(health, HttpStatusCode.ServiceUnavailable);
        var said = await health.Content.ReadAsStringAsync();
        Assert.StartsWith("Unhealthy: ", said);
        Assert.Contains("database", said);
        Assert.DoesNotContain("Exception", said);

        await _postgres.StartAsync();
        Assert.Equal("Healthy", await FaultPortals.HealthAsync(reader, "Healthy"));
        Html.AssertStatus(await reader.GetAsync("search?q=harbour"), HttpStatusCode.OK);
        Assert.NotNull(await PortalProcess.LeaveMessageAsync(reader, "Sent after the outage", CancellationToken.None));
        Html.AssertStatus(await Html.SubmitAsync(editor, notSaved, "#article-form", new Dictionary<string, string> { ["Command"] = "publish" }), HttpStatusCode.Redirect);
        Assert.True(await portal.WithDbAsync((db, _) => db.Articles.AnyAsync(a => a.Headline == "Ferry timetable changes")));
    }

    [Fact]
    public async Task An_outage_is_logged_once_per_interval_with_a_count_not_once_per_request()
    {
        await using var portal = await PortalProcess.StartAsync(_folder, new Dictionary<string, string>
        {
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = _postgres.ConnectionString(),
            ["Logging:RepeatedFailureSeconds"] = "2",
        }, TimeSpan.FromMinutes(1));
        var reader = portal.Client();
        Html.AssertStatus(await reader.GetAsync(""), HttpStatusCode.OK);

        await _postgres.StopAsync();
        var outage = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 40; i++)
        {
            Html.AssertStatus(await reader.GetAsync($"search?q=outage{i}"), HttpStatusCode.ServiceUnavailable);
        }

        var failing = outage.Elapsed;

        // After the 2 s interval, the count of what was not written is.
        string[] output = [];
        for (var i = 0; i < 50 && !output.Any(l => l.Contains("more times in the last", StringComparison.Ordinal)); i++)
        {
            await Task.Delay(200);
            output = [.. portal.Output];
        }

        // Written at most once in each 2 s interval the failing requests lasted.
        var unhandled = output.Count(l => l.Contains("An unhandled exception has occurred", StringComparison.Ordinal));
        Assert.InRange(unhandled, 1, 2 + (int)(failing.TotalSeconds / 2));
        Assert.Contains(output, l => l.Contains("more times in the last 2 s", StringComparison.Ordinal));
        var events = output.Count(l => l.StartsWith('[') && l.Contains(']', StringComparison.Ordinal));
        Assert.True(events < 40, $"{events} log events for 40 failed requests:\n{string.Join('\n', output.Where(l => l.StartsWith('[')))}");
    }

    /// <summary>Turns writes off (or on again) for new sessions of the portal's database, as a read-only replica would answer.</summary>
    private async Task SetReadOnlyAsync(bool readOnly)
    {
        await using (var connection = new NpgsqlConnection(_postgres.ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"ALTER DATABASE portal SET default_transaction_read_only = {(readOnly ? "on" : "off")}", connection);
            await command.ExecuteNonQueryAsync();
        }

        NpgsqlConnection.ClearAllPools();
    }
}
