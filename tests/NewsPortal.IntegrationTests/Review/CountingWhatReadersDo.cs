using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.IntegrationTests.Messages;
using NewsPortal.Web.Features.Search;
using NewsPortal.Web.Platform.Caching;

namespace NewsPortal.IntegrationTests.Review;

public sealed class CountingWhatReadersDo(ReviewPortal portal) : IClassFixture<ReviewPortal>
{
    [Fact]
    public async Task The_dashboard_shows_the_views_searches_and_messages_readers_made()
    {
        var popular = await TestArticles.AddAsync(portal, "Ferry timetable changes for winter");
        var quieter = await TestArticles.AddAsync(portal, "Library opens on Sundays");

        // Views: each from a different browser, as distinct readers (the cached page counts too).
        await ReadAsync(popular.Slug, 5);
        await ReadAsync(quieter.Slug, 2);

        // Searches: one that finds the ferry story three times (in two spellings), one that finds nothing twice.
        foreach (var q in new[] { "ferry", "Ferry", "  FERRY ", "qwxzvb", "qwxzvb" })
        {
            Html.AssertStatus(await Reader("search").GetAsync($"/search?q={Uri.EscapeDataString(q)}"), HttpStatusCode.OK);
        }

        // Messages: three left through the form; a moderator handles one.
        for (var i = 0; i < 3; i++)
        {
            await MessageForm.LeaveAsync(Reader($"message {i}"), MessageForm.Valid($"Question {i}"));
        }

        var moderator = await portal.SignedInAsync(StaffRoles.Moderator);
        var messageId = await portal.WithDbAsync(db => Task.FromResult(db.Messages.OrderBy(m => m.Id).First().Id));
        var (_, message) = await Html.GetAsync(moderator.Client, $"/staff/inbox/{messageId}");
        Html.AssertStatus(await Html.SubmitAsync(moderator.Client, message, "form.status-actions", new Dictionary<string, string> { ["status"] = "Handled" }), HttpStatusCode.Redirect);

        await FlushAsync();
        var editor = await portal.SignedInAsync(StaffRoles.Editor);
        var (answer, dashboard) = await Html.GetAsync(editor.Client, "/staff");
        Html.AssertStatus(answer, HttpStatusCode.OK);

        var today = dashboard.QuerySelector("#views-per-day tbody tr")!;
        Assert.Equal("7", today.QuerySelector("td")!.TextContent);
        Assert.Equal([("Ferry timetable changes for winter", "5"), ("Library opens on Sundays", "2")], Ranked(dashboard, "#most-read-today"));
        Assert.Equal(Ranked(dashboard, "#most-read-today"), Ranked(dashboard, "#most-read-week"));
        Assert.Equal(Ranked(dashboard, "#most-read-today"), Ranked(dashboard, "#most-read-month"));
        Assert.Equal([("ferry", "3"), ("qwxzvb", "2")], Ranked(dashboard, "#top-searches"));
        Assert.Equal([("qwxzvb", "2")], Ranked(dashboard, "#searches-found-nothing"));
        var total = dashboard.QuerySelector("#messages-per-day tr.total")!.QuerySelectorAll("td").Select(c => c.TextContent).ToList();
        Assert.Equal(["3", "1"], total);

        // Every chart is an inline SVG with a title, beside its table.
        Assert.Equal(8, dashboard.QuerySelectorAll("#figures svg.chart[role=img] title").Count(t => t.ParentElement!.LocalName == "svg"));

        // The same figures as CSV.
        var csv = await editor.Client.GetStringAsync("/staff/figures/export");
        Assert.Contains($"\"Views per day\",\"{dashboard.QuerySelector("#views-per-day tbody time")!.GetAttribute("datetime")}\",\"views\",\"7\"", csv);
        Assert.Contains("\"Most read today\",\"Ferry timetable changes for winter\",\"views\",\"5\"", csv);
        Assert.Contains("\"Searches that found nothing\",\"qwxzvb\",\"searches\",\"2\"", csv);
    }

    [Fact]
    public async Task Views_and_searches_are_kept_as_counts_only()
    {
        var article = await TestArticles.AddAsync(portal, "Counting without keeping readers");
        await ReadAsync(article.Slug, 1);
        Html.AssertStatus(await Reader("private search").GetAsync("/search?q=counting"), HttpStatusCode.OK);
        await FlushAsync();

        var views = await portal.WithDbAsync(db => Task.FromResult(db.DailyArticleViews.Where(v => v.ArticleId == article.Id).ToList()));
        var searches = await portal.WithDbAsync(db => Task.FromResult(db.DailySearches.Where(s => s.Query == "counting").ToList()));
        Assert.Equal(1, Assert.Single(views).Views);
        Assert.Equal(1, Assert.Single(searches).Searches);
        Assert.Equal(0, searches[0].FoundNothing);
    }

    private HttpClient Reader(string who)
    {
        var client = portal.Browser();
        client.DefaultRequestHeaders.UserAgent.ParseAdd($"Mozilla/5.0 (X11; Linux x86_64) TestReader/{Uri.EscapeDataString(who).Replace("%", "", StringComparison.Ordinal)}");
        return client;
    }

    private async Task ReadAsync(string slug, int readers)
    {
        for (var i = 0; i < readers; i++)
        {
            Html.AssertStatus(await Reader($"{slug}-{i}").GetAsync($"/article/{slug}"), HttpStatusCode.OK);
        }
    }

    private async Task FlushAsync()
    {
        var hosted = portal.Services.GetServices<IHostedService>().ToList();
        await hosted.OfType<ViewCountFlusher>().Single().FlushAsync(CancellationToken.None);
        await hosted.OfType<SearchCountFlusher>().Single().FlushAsync(CancellationToken.None);
    }

    private static List<(string, string)> Ranked(AngleSharp.Dom.IDocument page, string figure) =>
        page.QuerySelectorAll($"{figure} tbody tr")
            .Select(r => r.QuerySelectorAll("td").ToList())
            .Select(c => (c[1].TextContent.Trim(), c[2].TextContent.Trim()))
            .ToList();
}
