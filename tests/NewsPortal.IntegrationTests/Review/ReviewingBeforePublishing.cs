using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Activity;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Articles;
using NewsPortal.Core.Articles.Editing;
using NewsPortal.Core.Review;
using NewsPortal.Core.Staff;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.IntegrationTests.Newsroom;

namespace NewsPortal.IntegrationTests.Review;

public sealed class ReviewingBeforePublishing(ReviewPortal portal) : IClassFixture<ReviewPortal>
{
    [Fact]
    public async Task A_reporters_article_list_holds_their_own_articles_and_an_editors_holds_everyones()
    {
        var reporter = await portal.SignedInAsync(StaffRoles.Reporter);
        var editor = await portal.SignedInAsync(StaffRoles.Editor);
        var own = await ArticleForms.CreateAsync(portal, reporter.Client, "Reporter's own story about the tram", command: "save-draft");
        var others = await portal.DraftAsync("", "nobody", "Someone else's story about the tram", submit: true);

        var (_, reporterList) = await Html.GetAsync(reporter.Client, "/staff/articles?q=story+about+the+tram");
        Assert.Equal("Your articles", reporterList.Text("h1"));
        var reporterLinks = reporterList.QuerySelectorAll("main a[href^='/staff/articles/edit/']").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/staff/articles/edit/{own}", reporterLinks);
        Assert.DoesNotContain($"/staff/articles/edit/{others}", reporterLinks);

        var (_, editorList) = await Html.GetAsync(editor.Client, "/staff/articles?q=story+about+the+tram");
        Assert.Equal("Articles", editorList.Text("h1"));
        var editorLinks = editorList.QuerySelectorAll("main a[href^='/staff/articles/edit/']").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/staff/articles/edit/{own}", editorLinks);
        Assert.Contains($"/staff/articles/edit/{others}", editorLinks);
    }

    [Fact]
    public async Task An_article_is_stored_only_together_with_what_goes_with_it()
    {
        const string Headline = "Cable car reopens after inspection";
        var section = await portal.WithDbAsync(db => db.Sections.Select(s => s.Id).FirstAsync());
        var articles = await portal.WithDbAsync(db => db.Articles.CountAsync());
        var revisions = await portal.WithDbAsync(db => db.ArticleRevisions.CountAsync());
        await using var scope = portal.Services.CreateAsyncScope();
        var editor = scope.ServiceProvider.GetRequiredService<ArticleEditor>();
        var input = new ArticleInput { Headline = Headline, SectionId = section, Body = "The cable car across the Yangtze runs again from today." };

        // What goes with the article (its review, the activity log) fails after the article's own rows were written.
        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() => editor.SaveAsync(
            null, input, ArticleAction.Publish, null, "Desk Editor", null, (saved, _) =>
            {
                Assert.True(saved.ArticleId > 0);
                throw new InvalidOperationException("The review could not be stored.");
            }, CancellationToken.None));

        Assert.Equal("The review could not be stored.", failed.Message);
        Assert.Equal(articles, await portal.WithDbAsync(db => db.Articles.CountAsync()));
        Assert.Equal(revisions, await portal.WithDbAsync(db => db.ArticleRevisions.CountAsync()));
        Assert.False(await portal.WithDbAsync(db => db.Articles.AnyAsync(a => a.Headline == Headline)));

        // The same editor (and its database context) saves the article once nothing fails.
        var result = await editor.SaveAsync(null, input, ArticleAction.Publish, null, "Desk Editor", null, (_, _) => Task.CompletedTask, CancellationToken.None);
        Assert.True(result.Succeeded);
        Assert.Equal(Headline, await portal.WithDbAsync(db => db.Articles.Where(a => a.Id == result.ArticleId).Select(a => a.Headline).SingleAsync()));
    }

    [Fact]
    public async Task A_draft_goes_from_reporter_to_editor_and_back_until_it_is_published()
    {
        var reporter = await portal.SignedInAsync(StaffRoles.Reporter);
        var editor = await portal.SignedInAsync(StaffRoles.Editor);

        // The reporter writes and submits; the form offers no publishing button.
        var (_, form) = await Html.GetAsync(reporter.Client, ArticleForms.NewArticle);
        Assert.Null(form.QuerySelector("button[value=publish]"));
        Assert.Null(form.QuerySelector("button[value=schedule]"));
        var id = await ArticleForms.CreateAsync(portal, reporter.Client, "Harbour bridge to close for repairs", command: "submit");
        Assert.Equal(ArticleStatus.Draft, await portal.StatusAsync(id));

        // The editor finds it in the queue and returns it with a comment.
        var (_, dashboard) = await Html.GetAsync(editor.Client, "/staff");
        Assert.NotNull(dashboard.QuerySelector($"#review-queue a[href='/staff/articles/edit/{id}']"));
        var (_, editPage) = await Html.GetAsync(editor.Client, $"/staff/articles/edit/{id}");
        var returned = await Html.SubmitAsync(editor.Client, editPage, "#return-form", new Dictionary<string, string> { ["Comment"] = "Say which weekend, and quote the council." });
        Html.AssertStatus(returned, HttpStatusCode.Redirect);

        // The reporter sees the comment on the dashboard and on the article, and gets it by email.
        var (_, reporterDashboard) = await Html.GetAsync(reporter.Client, "/staff");
        Assert.Contains("Say which weekend", reporterDashboard.QuerySelector("#review-queue")!.TextContent);
        Assert.Contains("Returned to you", reporterDashboard.QuerySelector("#review-queue")!.TextContent);
        var (_, reporterEdit) = await Html.GetAsync(reporter.Client, $"/staff/articles/edit/{id}");
        Assert.Contains("Say which weekend, and quote the council.", reporterEdit.QuerySelector("#review-comments")!.TextContent);
        var mails = await portal.Smtp.WaitForAsync(m => m.Any(x => x.Recipients.Contains(reporter.Email)), TimeSpan.FromSeconds(30));
        var mail = mails.First(x => x.Recipients.Contains(reporter.Email)).Message;
        Assert.Contains("returned", mail.Subject);
        Assert.Contains("Say which weekend, and quote the council.", mail.TextBody);

        // The reporter revises and submits again; the editor publishes; the reader sees it.
        var revised = await ArticleForms.PressAsync(reporter.Client, id, "submit", new Dictionary<string, string> { ["Input.Body"] = "The bridge closes on the weekend of 12 December, the council said." });
        Html.AssertStatus(revised, HttpStatusCode.Redirect);
        Assert.Equal(ReviewState.Submitted, await portal.WithDbAsync(db => db.ArticleReviews.Where(r => r.ArticleId == id).Select(r => r.State).SingleAsync()));
        Html.AssertStatus(await ArticleForms.PressAsync(editor.Client, id, "publish"), HttpStatusCode.Redirect);
        Assert.Equal(ArticleStatus.Published, await portal.StatusAsync(id));
        var slug = await portal.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Slug).SingleAsync());
        var (readerAnswer, readerPage) = await Html.GetAsync(portal.Browser(), $"/article/{slug}");
        Html.AssertStatus(readerAnswer, HttpStatusCode.OK);
        Assert.Contains("weekend of 12 December", readerPage.Body!.TextContent);
        await portal.Smtp.WaitForAsync(m => m.Count(x => x.Recipients.Contains(reporter.Email)) >= 2, TimeSpan.FromSeconds(30));

        // The log has the whole story, newest first.
        var (_, log) = await Html.GetAsync(editor.Client, $"/staff/activity?article={id}");
        var actions = log.QuerySelectorAll("#activity-table .activity-action").Select(c => c.TextContent).Reverse().ToList();
        Assert.Equal(
            [ActivityActions.Created, ActivityActions.Submitted, ActivityActions.Returned, ActivityActions.Edited, ActivityActions.Submitted, ActivityActions.Edited, ActivityActions.Published],
            actions);
    }

    [Theory]
    [InlineData("publish")]
    [InlineData("schedule")]
    public async Task A_reporter_cannot_publish_or_schedule_by_forging_the_form(string command)
    {
        var reporter = await portal.SignedInAsync(StaffRoles.Reporter);
        var id = await ArticleForms.CreateAsync(portal, reporter.Client, $"Forged {command} attempt", command: "save-draft");

        var answer = await ArticleForms.PressAsync(reporter.Client, id, command, new Dictionary<string, string> { ["ScheduleAt"] = "2099-01-01T09:00" });
        var fresh = await ArticleForms.SubmitAsync(reporter.Client, ArticleForms.NewArticle, command, new Dictionary<string, string>
        {
            ["Input.Headline"] = $"Forged new {command}",
            ["Input.Standfirst"] = "A standfirst.",
            ["Input.SectionId"] = (await ArticleForms.SectionIdAsync(portal)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Body"] = "Body.",
            ["ScheduleAt"] = "2099-01-01T09:00",
        });

        foreach (var response in new[] { answer, fresh })
        {
            Html.AssertStatus(response, HttpStatusCode.Redirect);
            Assert.StartsWith("/staff/denied", response.Headers.Location!.PathAndQuery);
        }

        Assert.Equal(ArticleStatus.Draft, await portal.StatusAsync(id));
        Assert.False(await portal.WithDbAsync(db => db.Articles.AnyAsync(a => a.Headline == $"Forged new {command}")));
    }

    [Fact]
    public async Task A_reporter_cannot_unpublish_or_change_a_published_article_or_another_reporters_draft()
    {
        var reporter = await portal.SignedInAsync(StaffRoles.Reporter);
        var other = await portal.SignedInAsync(StaffRoles.Reporter);
        var published = await TestArticles.AddAsync(portal, "Already live story for reporters");
        var theirs = await portal.DraftAsync(other.Id, other.Email, "Someone else's draft");

        Html.AssertStatus(await reporter.Client.GetAsync($"/staff/articles/edit/{published.Id}"), HttpStatusCode.Redirect);
        Html.AssertStatus(await reporter.Client.GetAsync($"/staff/articles/edit/{theirs}"), HttpStatusCode.Redirect);

        // Posted with a token from a page the reporter may open.
        var (_, own) = await Html.GetAsync(reporter.Client, ArticleForms.NewArticle);
        var token = own.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        foreach (var (target, command) in new[] { (published.Id, "unpublish"), (published.Id, "save"), (theirs, "save-draft") })
        {
            var response = await reporter.Client.PostAsync($"/staff/articles/edit/{target}", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["Input.Headline"] = "Changed by a reporter",
                ["Input.Standfirst"] = "Standfirst.",
                ["Input.SectionId"] = (await ArticleForms.SectionIdAsync(portal)).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Input.Body"] = "Body.",
                ["Command"] = command,
            }));
            Html.AssertStatus(response, HttpStatusCode.Redirect);
            Assert.StartsWith("/staff/denied", response.Headers.Location!.PathAndQuery);
        }

        Assert.Equal(ArticleStatus.Published, await portal.StatusAsync(published.Id));
        Assert.False(await portal.WithDbAsync(db => db.Articles.AnyAsync(a => a.Headline == "Changed by a reporter")));
    }

    [Fact]
    public async Task Someone_opening_an_article_another_person_is_editing_is_told_who()
    {
        var first = await portal.SignedInAsync(StaffRoles.Editor);
        var second = await portal.SignedInAsync(StaffRoles.Editor);
        var id = await ArticleForms.CreateAsync(portal, first.Client, "Story two editors open");

        var (_, firstPage) = await Html.GetAsync(first.Client, $"/staff/articles/edit/{id}");
        var (_, secondPage) = await Html.GetAsync(second.Client, $"/staff/articles/edit/{id}");

        Assert.True(firstPage.QuerySelector("#editing-notice")!.HasAttribute("hidden"));
        // Staff are named by their display name (both are "Test Editor" here; the first one's own page has no notice).
        Assert.Contains("Test Editor is editing", secondPage.QuerySelector("#editing-notice")!.TextContent);
        Assert.False(secondPage.QuerySelector("#editing-notice")!.HasAttribute("hidden"));

        // The heartbeat keeps the lease; once it stops, the notice goes after the lease runs out. Nothing was locked.
        var token = firstPage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var beat = await first.Client.PostAsync($"/staff/articles/{id}/editing", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Html.AssertStatus(beat, HttpStatusCode.OK);
        Assert.Contains("Test Editor", await beat.Content.ReadAsStringAsync());
        portal.Clock.Advance(EditingPresence.LeaseLength + TimeSpan.FromSeconds(1));
        var (_, later) = await Html.GetAsync(second.Client, $"/staff/articles/edit/{id}");
        Assert.True(later.QuerySelector("#editing-notice")!.HasAttribute("hidden"));
        Html.AssertStatus(await ArticleForms.PressAsync(second.Client, id, "save-draft"), HttpStatusCode.Redirect);
    }
}
