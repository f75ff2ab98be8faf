using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsPortal.BrowserTests.Infrastructure;
using NewsPortal.Core.Staff;
using NewsPortal.Web.Features.Staff;

namespace NewsPortal.BrowserTests.Newsroom;

public sealed class ReviewingInChromium(PortalServer portal) : IClassFixture<PortalServer>
{
    private const string Password = "browser-review-password-3";
    private const string Headline = "Night market returns to Jiefangbei";

    private static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalServer.ScreenshotFolder, name), FullPage = true });

    private async Task<IPage> SignInAsync(IBrowserContext context, string email)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/staff/sign-in");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/staff");
        return page;
    }

    [Fact]
    public async Task A_reporter_writes_an_editor_returns_it_with_a_comment_the_reporter_revises_and_the_editor_publishes()
    {
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            Assert.Empty(await StaffAccounts.CreateAsync(scope.ServiceProvider, "reporter@newsportal.test", "Browser Reporter", StaffRoles.Reporter, Password));
            Assert.Empty(await StaffAccounts.CreateAsync(scope.ServiceProvider, "reviewer@newsportal.test", "Browser Reviewer", StaffRoles.Editor, Password));
        }

        // The reporter writes a draft and submits it: there is no button to publish.
        await using var reporterContext = await portal.NewContextAsync();
        var reporter = await SignInAsync(reporterContext, "reporter@newsportal.test");
        await reporter.GotoAsync("/staff/articles/edit");
        await reporter.GetByLabel("Headline").FillAsync(Headline);
        await reporter.GetByLabel("Standfirst").FillAsync("The stalls are back on the square from Friday.");
        await reporter.GetByLabel("Section").SelectOptionAsync(new SelectOptionValue { Label = "City" });
        await reporter.GetByLabel("Body (Markdown)").FillAsync("The night market is back.");
        Assert.Equal(0, await reporter.GetByRole(AriaRole.Button, new() { Name = "Publish now" }).CountAsync());
        await portal.SubmitAndWaitAsync(reporter, reporter.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }),
            url => url.Contains("/staff/articles/edit/", StringComparison.Ordinal));
        Assert.Contains("Submitted for review", await reporter.Locator("#notice").InnerTextAsync());
        var articleUrl = reporter.Url;

        // The editor finds it in the review queue and returns it with a comment.
        await using var editorContext = await portal.NewContextAsync();
        var editor = await SignInAsync(editorContext, "reviewer@newsportal.test");
        await editor.Locator("#review-queue").GetByRole(AriaRole.Link, new() { Name = Headline }).ClickAsync();
        await editor.WaitForURLAsync("**/staff/articles/edit/*");
        await editor.GetByLabel("Return to the reporter with a comment").FillAsync("Which Fridays? Add the opening hours.");
        await portal.SubmitAndWaitAsync(editor, editor.GetByRole(AriaRole.Button, new() { Name = "Return to reporter" }),
            url => url.Contains("/staff/articles/edit/", StringComparison.Ordinal));
        Assert.Contains("Which Fridays?", await editor.Locator("#review-comments").InnerTextAsync());
        await ShotAsync(editor, "review-returned.png");

        // The reporter sees the comment on the dashboard, revises and submits again.
        await reporter.GotoAsync("/staff");
        Assert.Contains("Which Fridays?", await reporter.Locator("#review-queue").InnerTextAsync());
        await ShotAsync(reporter, "review-reporter-dashboard.png");
        await reporter.GotoAsync(articleUrl);
        Assert.Contains("Which Fridays?", await reporter.Locator("#review-comments").InnerTextAsync());
        await reporter.GetByLabel("Body (Markdown)").FillAsync("The night market is back every Friday and Saturday, 6 pm to midnight.");
        await portal.SubmitAndWaitAsync(reporter, reporter.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }),
            url => url.Contains("/staff/articles/edit/", StringComparison.Ordinal));

        // The editor publishes it.
        await editor.GotoAsync(articleUrl);
        Assert.Contains("Waiting for review", await editor.Locator("#review-state").InnerTextAsync());
        await portal.SubmitAndWaitAsync(editor, editor.GetByRole(AriaRole.Button, new() { Name = "Publish now" }),
            url => url.Contains("/staff/articles/edit/", StringComparison.Ordinal));
        Assert.Contains("Published", await editor.Locator("#notice").InnerTextAsync());
        await editor.GotoAsync("/staff");
        await ShotAsync(editor, "review-dashboard-figures.png");

        // A reader sees it.
        await using var readerContext = await portal.NewContextAsync(javaScript: false);
        var reader = await readerContext.NewPageAsync();
        await reader.GotoAsync("/");
        await reader.GetByRole(AriaRole.Link, new() { Name = Headline, Exact = true }).First.ClickAsync();
        await reader.WaitForURLAsync("**/article/night-market-returns-to-jiefangbei");
        Assert.Contains("6 pm to midnight", await reader.Locator(".article-body").InnerTextAsync());
    }
}
