using System.Net;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.IntegrationTests.Newsroom;
using static NewsPortal.IntegrationTests.SiteAdministration.FrontPageForms;

namespace NewsPortal.IntegrationTests.SiteAdministration;

public sealed class ShowingBreakingNews(NewsroomFactory factory) : IClassFixture<NewsroomFactory>
{
    private static readonly string[] ReaderPages = ["/", "/section/city", "/article/riverside-walkway-reopens-after-two-year-restoration", "/privacy", "/search?q=river"];

    [Fact]
    public async Task A_strip_shows_on_every_reader_page_at_once_and_goes_at_once_when_removed()
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        var reader = factory.CreateBrowserClient();
        foreach (var path in ReaderPages)
        {
            Assert.DoesNotContain("class=\"breaking\"", await reader.GetStringAsync(path));
        }

        await SaveAsync(editor, "#strip-form", new Dictionary<string, string>
        {
            ["StripText"] = "Yangtze flood warning raised to orange",
            ["StripLink"] = "/article/riverside-walkway-reopens-after-two-year-restoration",
            ["StripExpiresAt"] = Local(factory.Clock.GetUtcNow().AddHours(3)),
        });

        foreach (var path in ReaderPages)
        {
            var (_, page) = await Html.GetAsync(reader, path);
            var link = page.QuerySelector(".breaking a");
            Assert.True(link is not null, $"No breaking-news strip on {path}");
            Assert.Equal("Yangtze flood warning raised to orange", link.TextContent);
            Assert.Equal("/article/riverside-walkway-reopens-after-two-year-restoration", link.GetAttribute("href"));
        }

        var (_, form) = await Html.GetAsync(editor, Url);
        await Html.SubmitAsync(editor, form, "#remove-strip-form");

        foreach (var path in ReaderPages)
        {
            Assert.DoesNotContain("Yangtze flood warning", await reader.GetStringAsync(path));
        }
    }

    [Fact]
    public async Task A_cached_page_stops_showing_the_strip_when_it_expires()
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        var reader = factory.CreateBrowserClient();
        await SaveAsync(editor, "#strip-form", new Dictionary<string, string>
        {
            ["StripText"] = "Metro line 18 closed until noon",
            ["StripLink"] = "",
            ["StripExpiresAt"] = Local(factory.Clock.GetUtcNow().AddSeconds(3)),
        });
        Assert.Contains("Metro line 18 closed until noon", await reader.GetStringAsync("/section/city"));

        // Past the end by the portal's clock. The copy cached a moment ago was stored for as long as the strip
        // had left, not for the usual ten minutes, so it runs out within seconds of the strip.
        factory.Clock.Advance(TimeSpan.FromSeconds(4));
        var shown = true;
        for (var attempt = 0; attempt < 150 && shown; attempt++)
        {
            shown = (await reader.GetStringAsync("/section/city")).Contains("Metro line 18", StringComparison.Ordinal);
            if (shown)
            {
                await Task.Delay(100);
            }
        }

        Assert.False(shown, "The cached section page still showed the strip 15 seconds after it expired");
    }

    [Theory]
    [InlineData("", "/x", 2, "Enter the breaking news")]
    [InlineData("Storm", "javascript:alert(1)", 2, "Enter a path on this site")]
    [InlineData("Storm", "", -2, "The end time has passed already")]
    public async Task A_strip_that_cannot_be_shown_is_refused_with_a_message(string text, string link, int hours, string message)
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);

        var response = await SubmitAsync(editor, "#strip-form", new Dictionary<string, string>
        {
            ["StripText"] = text,
            ["StripLink"] = link,
            ["StripExpiresAt"] = Local(factory.Clock.GetUtcNow().AddHours(hours)),
        });

        Html.AssertStatus(response, HttpStatusCode.BadRequest);
        Assert.Contains(message, (await Html.ParseAsync(response)).Text("#strip-form"));
        Assert.DoesNotContain("class=\"breaking\"", await factory.CreateBrowserClient().GetStringAsync("/terms"));
    }
}
