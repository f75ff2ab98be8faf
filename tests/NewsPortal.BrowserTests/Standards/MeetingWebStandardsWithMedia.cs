using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsPortal.BrowserTests.Infrastructure;
using NewsPortal.Core.Articles.Editing;
using NewsPortal.Core.Data;
using NewsPortal.Core.Media;
using NewsPortal.Core.Media.Library;
using NewsPortal.Core.Staff;
using NewsPortal.Web.Features.Staff;

namespace NewsPortal.BrowserTests.Standards;

/// <summary>
/// The pages pictures and video add: an article with a body picture, a gallery and a video, the media library and a
/// library item. Each passes the W3C Nu HTML Checker and axe-core, and runs in Chromium within the Content-Security-Policy.
/// </summary>
public sealed class MeetingWebStandardsWithMedia(PortalServer portal) : IClassFixture<PortalServer>
{
    private const string Password = "browser-standards-media-5";
    private const string ArticlePath = "/article/harbour-week-in-pictures-and-film";

    private async Task<int> SeedAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        if (await services.GetRequiredService<NewsDbContext>().MediaItems.AnyAsync())
        {
            return await services.GetRequiredService<NewsDbContext>().MediaItems.Where(m => m.Kind == MediaKind.Image).MinAsync(m => m.Id);
        }

        Assert.Empty(await StaffAccounts.CreateAsync(services, "standards-media@newsportal.test", "Standards Media", StaffRoles.Editor, Password));
        var library = services.GetRequiredService<MediaLibrary>();
        async Task<int> AddAsync(string name, byte[] bytes, string alt, string caption, string? vtt = null)
        {
            var result = await library.UploadAsync(new LibraryUpload(alt, caption, "Photo Desk", "en"),
                new UploadedFile(name, bytes.Length, () => new MemoryStream(bytes)),
                vtt is null ? null : new UploadedFile("c.vtt", vtt.Length, () => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(vtt))), null, "standards");
            Assert.True(result.Item is not null, string.Join("; ", result.Errors.Values));
            return result.Item!.Id;
        }

        var first = await AddAsync("a.jpg", MediaFiles.Jpeg(1400, 800, 30), "Cranes over the harbour", "The harbour at dawn");
        var second = await AddAsync("b.jpg", MediaFiles.Jpeg(900, 600, 220), "Boats moored in rows", "Boats in rows");
        var video = await AddAsync("v.webm", MediaFiles.WebmVideo(), "Ferries crossing the harbour", "Ferries at work", MediaFiles.Captions);
        var section = await services.GetRequiredService<NewsDbContext>().Sections.Where(s => s.Slug == "city").Select(s => s.Id).SingleAsync();
        var saved = await services.GetRequiredService<ArticleEditor>().SaveAsync(null, new ArticleInput
        {
            Headline = "Harbour week in pictures and film",
            Standfirst = "A week on the water.",
            SectionId = section,
            Body = $"The week began quietly.\n\n![](media:{first})\n\n## Gallery\n\n::: gallery\n![](media:{first})\n![](media:{second})\n:::\n\n## Film\n\n![](media:{video})\n",
        }, ArticleAction.Publish, null, "standards");
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Values));
        return first;
    }

    private async Task<IPage> SignedInPageAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/staff/sign-in");
        await page.GetByLabel("Email").FillAsync("standards-media@newsportal.test");
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/staff");
        return page;
    }

    private static string[] Pages(int item) => [ArticlePath, "/staff/media", $"/staff/media/{item}"];

    [Fact]
    public async Task The_nu_html_checker_reports_no_errors_on_the_media_pages()
    {
        var item = await SeedAsync();
        await using var context = await portal.NewContextAsync(javaScript: false);
        var page = await SignedInPageAsync(context);
        var folder = Directory.CreateTempSubdirectory("newsportal-vnu-media-").FullName;
        try
        {
            var files = new Dictionary<string, string>();
            foreach (var (url, i) in Pages(item).Select((u, i) => (u, i)))
            {
                var response = await context.APIRequest.GetAsync(url);
                Assert.Equal(200, response.Status);
                var file = Path.Combine(folder, $"media{i}.html");
                await File.WriteAllBytesAsync(file, await response.BodyAsync());
                files[Path.GetFileName(file)] = url;
            }

            var errors = (await StandardsTools.CheckHtmlAsync(files.Keys.Select(f => Path.Combine(folder, f)).ToList()))
                .Where(m => m.Type is "error" or "non-document-error").ToList();
            Assert.True(errors.Count == 0, "Nu HTML Checker errors:\n" + string.Join('\n', errors.Select(e =>
                $"{files.GetValueOrDefault(e.File, e.File)} line {e.Line}: {e.Message} [{e.Extract?.Trim()}]")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Axe_reports_no_violations_and_chromium_no_policy_violation_on_the_media_pages()
    {
        var item = await SeedAsync();
        var problems = new ConcurrentQueue<string>();
        await using var context = await portal.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = portal.BaseUrl,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        await context.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline')));");
        var page = await SignedInPageAsync(context);
        page.Console += (_, m) =>
        {
            if (m.Type is "error")
            {
                problems.Enqueue($"{page.Url}: {m.Text}");
            }
        };
        page.PageError += (_, e) => problems.Enqueue($"{page.Url}: script error: {e}");

        foreach (var url in Pages(item))
        {
            var response = await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Load });
            Assert.Equal(200, response!.Status);
            if (url == ArticlePath)
            {
                // The viewer the gallery script adds is checked too, open.
                await page.Locator(".gallery-link").First.ClickAsync();
                await page.Locator("dialog.gallery-viewer[open]").WaitForAsync();
            }

            await page.WaitForTimeoutAsync(300);

            // The policy is checked above with the page's own script; axe is added around it afterwards.
            var axe = await File.ReadAllTextAsync(StandardsTools.AxeScript);
            var cdp = await context.NewCDPSessionAsync(page);
            await cdp.SendAsync("Runtime.evaluate", new Dictionary<string, object> { ["expression"] = axe });
            var violations = await page.EvaluateAsync<JsonElement>("""
                async () => (await axe.run(document)).violations.map(v => ({
                    id: v.id, help: v.help, targets: v.nodes.map(n => n.target.join(' ')),
                }))
                """);
            foreach (var v in violations.EnumerateArray())
            {
                problems.Enqueue($"{url}: axe {v.GetProperty("id").GetString()}: {v.GetProperty("help").GetString()} at {string.Join(", ", v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()))}");
            }
        }

        Assert.True(problems.IsEmpty, "Problems:\n" + string.Join('\n', problems));
    }
}
