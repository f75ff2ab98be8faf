using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Platform.Site;

namespace NewsPortal.IntegrationTests.Newsroom;

public sealed class SchedulingArticles(NewsroomFactory factory) : IClassFixture<NewsroomFactory>
{
    [Fact]
    public async Task A_scheduled_article_reaches_readers_only_after_its_time()
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        var siteTime = factory.Services.GetRequiredService<SiteTime>();
        var goLive = siteTime.Local(factory.Clock.GetUtcNow().UtcDateTime.AddHours(2));
        var id = await ArticleForms.CreateAsync(factory, editor, "Light show planned for the riverfront", command: "schedule",
            more: new Dictionary<string, string> { ["ScheduleAt"] = goLive.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture) });
        var reader = factory.CreateBrowserClient();

        Html.AssertStatus(await reader.GetAsync("/article/light-show-planned-for-the-riverfront"), HttpStatusCode.NotFound);
        Assert.DoesNotContain("Light show planned for the riverfront", await reader.GetStringAsync("/"));
        var (_, edit) = await Html.GetAsync(editor, $"/staff/articles/edit/{id}");
        Assert.Equal("Scheduled", edit.Text("#article-status"));
        Assert.Contains(siteTime.Display(goLive.UtcDateTime), edit.Text(".article-state"));

        factory.Clock.Advance(TimeSpan.FromHours(2).Add(TimeSpan.FromMinutes(1)));

        var live = await ArticleForms.PollAsync(reader, "/article/light-show-planned-for-the-riverfront", r => r.StatusCode == HttpStatusCode.OK);
        Html.AssertStatus(live, HttpStatusCode.OK);
        Assert.Contains("Light show planned for the riverfront", await reader.GetStringAsync("/"));
        Assert.Contains("Light show planned for the riverfront", await reader.GetStringAsync("/section/city"));
    }

    [Fact]
    public async Task An_overdue_scheduled_article_is_flagged_for_staff_and_makes_health_degraded_until_it_is_published()
    {
        var overdue = await TestArticles.AddAsync(factory, "Overdue scheduled story", ArticleStatus.Scheduled,
            publishedAt: factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(-10));
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        var client = factory.CreateBrowserClient();

        var (_, list) = await Html.GetAsync(editor, "/staff/articles?status=overdue");
        var row = Assert.Single(list.QuerySelectorAll("#article-list tbody tr"));
        Assert.Contains("Overdue scheduled story", row.TextContent);
        Assert.Contains("Overdue", row.QuerySelector(".overdue")!.TextContent);
        Assert.Contains("overdue", (await Html.GetAsync(editor, "/staff")).Document.Text(".newsroom-summary"));
        Assert.Equal("Degraded: scheduled-publishing", await client.GetStringAsync("/health"));

        factory.Clock.Advance(TimeSpan.FromSeconds(16));

        var healthy = await ArticleForms.PollAsync(client, "/health", r => r.Content.ReadAsStringAsync().Result == "Healthy");
        Assert.Equal("Healthy", await healthy.Content.ReadAsStringAsync());
        Html.AssertStatus(await client.GetAsync($"/article/{overdue.Slug}"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_time_that_has_passed_is_refused_for_scheduling_with_a_message()
    {
        var editor = await Staff.SignedInClientAsync(factory, StaffRoles.Editor);
        var past = factory.Services.GetRequiredService<SiteTime>().Local(factory.Clock.GetUtcNow().UtcDateTime.AddHours(-1));

        var response = await ArticleForms.SubmitAsync(editor, ArticleForms.NewArticle, "schedule", new Dictionary<string, string>
        {
            ["Input.Headline"] = "Too late to schedule",
            ["Input.SectionId"] = (await ArticleForms.SectionIdAsync(factory)).ToString(CultureInfo.InvariantCulture),
            ["Input.Body"] = "Body.",
            ["ScheduleAt"] = past.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
        });

        Html.AssertStatus(response, HttpStatusCode.BadRequest);
        Assert.Contains("already passed", (await Html.ParseAsync(response)).Text("#article-form .errors"));
    }
}
