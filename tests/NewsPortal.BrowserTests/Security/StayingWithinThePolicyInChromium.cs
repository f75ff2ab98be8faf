using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsPortal.BrowserTests.Infrastructure;
using NewsPortal.Core.Data;
using NewsPortal.Core.Staff;
using NewsPortal.Web.Features.Staff;

namespace NewsPortal.BrowserTests.Security;

/// <summary>
/// Every reader, chrome and staff page, in Chromium with JavaScript on, runs within the Content-Security-Policy:
/// no violation is reported (no blocked inline style or script, nothing from elsewhere) and the console shows no
/// error. Chromium reports each violation as a "securitypolicyviolation" event, which a script Playwright adds
/// to every page turns into a console error.
/// </summary>
public sealed class StayingWithinThePolicyInChromium(PortalServer portal) : IClassFixture<PortalServer>
{
    private const string Password = "browser-policy-password-7";

    private static readonly string[] ReaderPages =
        ["/", "/section/city", "/tag/riverside", "/author/lin-xiaoyu", "/search?q=river", "/search?q=重庆", "/privacy", "/terms", "/about", "/contact", "/cookie-settings", "/message",
         "/topics", "/topic/chengdu-chongqing-economic-circle", "/authors", "/tags",
         "/zh/", "/zh/section/city", "/zh/search?q=重庆", "/zh/privacy", "/zh/terms", "/zh/cookie-settings", "/zh/message"];

    private static readonly string[] StaffPages =
        ["/staff", "/staff/articles", "/staff/media", "/staff/inbox", "/staff/inbox?tab=read", "/staff/policies", "/staff/policies/privacy", "/staff/users", "/staff/users/new", "/staff/password", "/staff/settings", "/staff/front-page",
         "/staff/sections", "/staff/sections/edit", "/staff/authors", "/staff/authors/edit", "/staff/tags", "/staff/topics", "/staff/topics/edit"];

    private const string ReportViolations =
        "document.addEventListener('securitypolicyviolation', e => console.error(" +
        "'CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));";

    /// <summary>A browser context whose pages report every policy violation, console error and script error into <paramref name="problems"/>.</summary>
    private async Task<IBrowserContext> WatchedContextAsync(ConcurrentQueue<string> problems)
    {
        var context = await portal.NewContextAsync(javaScript: true);
        await context.AddInitScriptAsync(ReportViolations);
        context.Page += (_, page) => Watch(page, problems);
        return context;
    }

    private static void Watch(IPage page, ConcurrentQueue<string> problems)
    {
        page.Console += (_, message) =>
        {
            // A form refused with 422, or an error page, is reported by Chromium as the document's own status: by design.
            if (message.Text.StartsWith("Failed to load resource: the server responded with a status of 4", StringComparison.Ordinal)
                && message.Location.StartsWith(page.Url, StringComparison.Ordinal))
            {
                return;
            }

            if (message.Type is "error" || message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                problems.Enqueue($"{page.Url}: console {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => problems.Enqueue($"{page.Url}: script error: {error}");
    }

    private static async Task VisitAsync(IPage page, string url, int status = 200)
    {
        var response = await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        Assert.True(response!.Status == status, $"{url} answered {response.Status}");
    }

    /// <summary>Waits a moment for late reports (violations are delivered asynchronously).</summary>
    private static async Task SettleAsync(IPage page) => await page.WaitForTimeoutAsync(300);

    [Fact]
    public async Task The_watch_reports_a_violation_when_there_is_one()
    {
        var problems = new ConcurrentQueue<string>();
        await using var context = await WatchedContextAsync(problems);
        var page = await context.NewPageAsync();
        await VisitAsync(page, "/about");

        // An inline style set on an element: exactly what the policy blocks.
        await page.EvaluateAsync("document.body.setAttribute('style', 'background: red')");
        await SettleAsync(page);

        Assert.Contains(problems, p => p.Contains("CSP violation: style-src", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reader_and_chrome_pages_run_without_a_policy_violation_or_console_error()
    {
        var problems = new ConcurrentQueue<string>();
        await using var context = await WatchedContextAsync(problems);
        var page = await context.NewPageAsync();
        string[] slugs;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
            slugs = await db.Articles.OrderBy(a => a.Id).Select(a => a.Slug).Take(3).ToArrayAsync();
        }

        foreach (var url in ReaderPages.Concat(slugs.Select(s => $"/article/{s}")).Concat(slugs.Select(s => $"/zh/article/{s}")))
        {
            await VisitAsync(page, url);
            await SettleAsync(page);
        }

        // The chrome's forms: a message refused for its mistakes, then sent; the cookie banner answered.
        await VisitAsync(page, "/message");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send message" }).ClickAsync();
        await page.Locator(".error-summary").WaitForAsync();
        await page.GetByLabel("Your name").FillAsync("Li Wei");
        await page.GetByLabel("Your email address").FillAsync("li.wei@example.cn");
        await page.GetByLabel("Subject").FillAsync("Policy check");
        await page.GetByLabel("Your message").FillAsync("Checking the pages stay within the policy.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send message" }).ClickAsync();
        await page.WaitForURLAsync("**/message/thanks**");
        await VisitAsync(page, "/");
        await portal.SubmitAndWaitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "I Agree" }), "/");
        await SettleAsync(page);

        Assert.True(problems.IsEmpty, string.Join("\n", problems));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalServer.ScreenshotFolder, "policy-reader-home-after-consent.png"), FullPage = true });
    }

    [Fact]
    public async Task Error_pages_run_without_a_policy_violation()
    {
        var problems = new ConcurrentQueue<string>();
        await using var context = await WatchedContextAsync(problems);
        var page = await context.NewPageAsync();

        await VisitAsync(page, "/no-such-page", 404);
        await VisitAsync(page, "/zh/no-such-page", 404);
        await VisitAsync(page, "/section/city?page=-1", 404);
        await VisitAsync(page, "/search?q=" + new string('q', 300), 400);
        await SettleAsync(page);

        Assert.True(problems.IsEmpty, string.Join("\n", problems));
        Assert.Contains("at most 200 characters", await page.Locator("main").InnerTextAsync());
    }

    [Fact]
    public async Task Staff_pages_and_forms_run_without_a_policy_violation_or_console_error()
    {
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            Assert.Empty(await StaffAccounts.CreateAsync(scope.ServiceProvider, "policy-admin@newsportal.test", "Policy Admin", StaffRoles.Admin, Password));
        }

        var problems = new ConcurrentQueue<string>();
        await using var context = await WatchedContextAsync(problems);
        var page = await context.NewPageAsync();
        await VisitAsync(page, "/staff/sign-in");
        await page.GetByLabel("Email").FillAsync("policy-admin@newsportal.test");
        await page.GetByLabel("Password").FillAsync("not the password 1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.Locator(".errors").WaitForAsync();
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/staff");

        foreach (var url in StaffPages)
        {
            await VisitAsync(page, url);
            await SettleAsync(page);
        }

        // The article editor: refused for its mistakes (the error summary shows), previewed, saved, its revisions.
        await VisitAsync(page, "/staff/articles/edit");
        await page.GetByLabel("Headline").FillAsync("Policy check: a table in the body");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish now" }).ClickAsync();
        await page.Locator(".errors li").First.WaitForAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalServer.ScreenshotFolder, "policy-editor-errors.png"), FullPage = true });
        await page.GetByLabel("Section").SelectOptionAsync(new SelectOptionValue { Label = "City" });
        await page.GetByLabel("Body (Markdown)").FillAsync("| Left | Right |\n|:-----|------:|\n| a | 1 |\n\n<script>alert(1)</script>");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await page.Locator("#preview table").WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish now" }).ClickAsync();
        await page.WaitForURLAsync("**/staff/articles/edit/*");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Revisions") }).ClickAsync();
        await page.WaitForURLAsync("**/revisions");
        await VisitAsync(page, "/article/policy-check-a-table-in-the-body");
        await SettleAsync(page);

        // Signing out from the header.
        await VisitAsync(page, "/staff");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync(portal.BaseUrl + "/");
        await SettleAsync(page);

        Assert.True(problems.IsEmpty, string.Join("\n", problems));
    }
}
