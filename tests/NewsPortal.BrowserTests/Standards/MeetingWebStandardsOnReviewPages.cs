using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;
using NewsPortal.BrowserTests.Infrastructure;
using NewsPortal.Core.Articles.Editing;
using NewsPortal.Core.Data;
using NewsPortal.Core.Review;
using NewsPortal.Core.Staff;
using NewsPortal.Web.Features.Search;
using NewsPortal.Web.Features.Staff;
using NewsPortal.Web.Platform.Caching;

namespace NewsPortal.BrowserTests.Standards;

/// <summary>
/// The review, activity, dashboard and account pages pass the W3C Nu HTML Checker and axe-core, and run within the
/// Content-Security-Policy with no console error, with figures, comments and an editing notice on them.
/// </summary>
public sealed class MeetingWebStandardsOnReviewPages(PortalServer portal) : IClassFixture<PortalServer>
{
    private const string Password = "browser-standards-password-5";

    private const string ReportViolations =
        "document.addEventListener('securitypolicyviolation', e => console.error(" +
        "'CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));";

    private static readonly SemaphoreSlim Setup = new(1, 1);
    private static string[]? _pages;

    /// <summary>A draft returned with a comment, views and searches counted, and the pages to check (as the editor).</summary>
    private async Task<string[]> PagesAsync()
    {
        await Setup.WaitAsync();
        try
        {
            if (_pages is not null)
            {
                return _pages;
            }

            await using var scope = portal.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
            if (!await db.Users.AnyAsync(u => u.Email == "standards-editor@newsportal.test"))
            {
                Assert.Empty(await StaffAccounts.CreateAsync(scope.ServiceProvider, "standards-editor@newsportal.test", "Standards Editor", StaffRoles.Editor, Password));
                Assert.Empty(await StaffAccounts.CreateAsync(scope.ServiceProvider, "standards-reporter@newsportal.test", "Standards Reporter", StaffRoles.Reporter, Password));
            }

            var reporterId = await db.Users.Where(u => u.Email == "standards-reporter@newsportal.test").Select(u => u.Id).SingleAsync();
            var section = await db.Sections.Select(s => s.Id).FirstAsync();
            var desk = scope.ServiceProvider.GetRequiredService<ArticleDesk>();
            var reporter = new StaffActor(reporterId, "standards-reporter@newsportal.test", [StaffRoles.Reporter]);
            var saved = await desk.SaveAsync(reporter, null, new ArticleInput { Headline = "Standards draft", Standfirst = "A standfirst.", Body = "A body.", SectionId = section }, ArticleAction.SaveDraft, null, submit: true);
            var id = saved.Result.ArticleId;
            await desk.ReturnAsync(new StaffActor("", "standards-editor@newsportal.test", [StaffRoles.Editor]), id, "Add a quote.\nAnd a second line.");

            // Views and searches through real requests, so every chart has bars.
            using var client = new HttpClient { BaseAddress = new Uri(portal.BaseUrl) };
            var slugs = await db.Articles.Where(a => a.Status == Core.Articles.ArticleStatus.Published).OrderBy(a => a.Id).Select(a => a.Slug).Take(3).ToListAsync();
            var n = 0;
            foreach (var url in slugs.Select(s => $"/article/{s}").Concat(["/search?q=river", "/search?q=zzzqqqxx"]))
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.UserAgent.ParseAdd($"Mozilla/5.0 StandardsReader/{n++}");
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}");
            }

            var hosted = portal.Services.GetServices<IHostedService>().ToList();
            await hosted.OfType<ViewCountFlusher>().Single().FlushAsync(CancellationToken.None);
            await hosted.OfType<SearchCountFlusher>().Single().FlushAsync(CancellationToken.None);

            // Someone else has the draft open, so its editing notice shows.
            await scope.ServiceProvider.GetRequiredService<EditingPresence>().RenewAsync(id, reporter);

            _pages = ["/staff", $"/staff/articles/edit/{id}", "/staff/activity", $"/staff/activity?article={id}", "/staff/activity?action=returned&from=2000-01-01", "/staff/account"];
            return _pages;
        }
        finally
        {
            Setup.Release();
        }
    }

    private async Task<(IBrowserContext Context, IPage Page)> SignedInAsync(BrowserNewContextOptions? options = null)
    {
        var context = options is null ? await portal.NewContextAsync() : await portal.Browser.NewContextAsync(options);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/staff/sign-in");
        await page.GetByLabel("Email").FillAsync("standards-editor@newsportal.test");
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/staff");
        return (context, page);
    }

    [Fact]
    public async Task The_nu_html_checker_reports_no_errors_on_the_review_and_dashboard_pages()
    {
        var pages = await PagesAsync();
        var (context, _) = await SignedInAsync();
        await using var _context = context;
        var folder = Directory.CreateTempSubdirectory("newsportal-vnu-review-").FullName;
        try
        {
            var files = new Dictionary<string, string>();
            for (var i = 0; i < pages.Length; i++)
            {
                var response = await context.APIRequest.GetAsync(pages[i]);
                Assert.Equal(200, response.Status);
                var file = Path.Combine(folder, $"page{i}.html");
                await File.WriteAllBytesAsync(file, await response.BodyAsync());
                files[Path.GetFileName(file)] = pages[i];
            }

            var messages = await StandardsTools.CheckHtmlAsync(files.Keys.Select(f => Path.Combine(folder, f)).ToList());
            var errors = messages.Where(m => m.Type is "error" or "non-document-error").ToList();
            Assert.True(errors.Count == 0, "Nu HTML Checker errors:\n" + string.Join('\n', errors.Select(e =>
                $"{files.GetValueOrDefault(e.File, e.File)} line {e.Line}: {e.Message} [{e.Extract?.Trim()}]")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Axe_reports_no_accessibility_violations_on_the_review_and_dashboard_pages()
    {
        var pages = await PagesAsync();
        var (context, page) = await SignedInAsync(new BrowserNewContextOptions
        {
            BaseURL = portal.BaseUrl,
            BypassCSP = true,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        await using var _context = context;
        var found = new List<string>();
        foreach (var url in pages)
        {
            var response = await page.GotoAsync(url);
            Assert.Equal(200, response!.Status);
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = StandardsTools.AxeScript });
            var violations = await page.EvaluateAsync<JsonElement>("""
                async () => (await axe.run(document)).violations.map(v => ({
                    id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(' ')),
                }))
                """);
            foreach (var v in violations.EnumerateArray())
            {
                found.Add($"{url}: {v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}) {v.GetProperty("help").GetString()} at {string.Join(", ", v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()))}");
            }
        }

        Assert.True(found.Count == 0, "axe violations:\n" + string.Join('\n', found));
    }

    [Fact]
    public async Task The_review_and_dashboard_pages_run_within_the_content_security_policy()
    {
        var pages = await PagesAsync();
        var problems = new ConcurrentQueue<string>();
        var (context, page) = await SignedInAsync();
        await using var _context = context;
        await context.AddInitScriptAsync(ReportViolations);
        page.Console += (_, message) =>
        {
            if (message.Type is "error" || message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                problems.Enqueue($"{page.Url}: console {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => problems.Enqueue($"{page.Url}: script error: {error}");

        foreach (var url in pages)
        {
            var response = await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            Assert.Equal(200, response!.Status);
            await page.WaitForTimeoutAsync(300);
        }

        // The editing notice's heartbeat runs on the article page and keeps showing who else is editing.
        await page.GotoAsync(pages[1]);
        Assert.Contains("standards-reporter@newsportal.test", await page.Locator("#editing-notice").InnerTextAsync());
        var beat = await page.EvaluateAsync<string>("""
            async () => {
                const form = document.getElementById('article-form');
                const body = new URLSearchParams({ __RequestVerificationToken: form.querySelector('input[name="__RequestVerificationToken"]').value });
                const answer = await fetch(document.getElementById('editing-notice').dataset.heartbeat, { method: 'POST', body, credentials: 'same-origin' });
                return (await answer.json()).notice;
            }
            """);
        Assert.Contains("standards-reporter@newsportal.test", beat);
        await page.WaitForTimeoutAsync(300);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalServer.ScreenshotFolder, "review-editing-notice.png"), FullPage = true });

        Assert.True(problems.IsEmpty, string.Join("\n", problems));
    }
}
