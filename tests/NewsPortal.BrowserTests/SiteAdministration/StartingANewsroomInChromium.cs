using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsPortal.BrowserTests.Infrastructure;
using NewsPortal.Core.Staff;
using NewsPortal.Web.Features.Staff;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace NewsPortal.BrowserTests.SiteAdministration;

/// <summary>
/// From an empty database: an administrator sets the site details and uploads a logo, creates a section, an author
/// and a special topic, publishes an article into them with a cover, makes it the lead and adds a breaking-news
/// strip, all in the staff pages; a reader in another browser,
/// with JavaScript off, sees all of it. The new pages, staff and reader, pass the W3C checker, axe and the
/// Content-Security-Policy watch.
/// </summary>
public sealed class StartingANewsroomInChromium(EmptyPortalServer portal) : IClassFixture<EmptyPortalServer>
{
    private const string Email = "first-admin@newsportal.test";
    private const string Password = "first-admin-password-9";
    private const string Headline = "Chongqing opens its first night ferry across the Yangtze";
    private const string Slug = "chongqing-opens-its-first-night-ferry-across-the-yangtze";

    private static readonly string[] StaffPages =
    [
        "/staff", "/staff/settings", "/staff/front-page", "/staff/sections", "/staff/sections/edit", "/staff/authors", "/staff/authors/edit",
        "/staff/tags", "/staff/topics", "/staff/topics/edit", "/staff/media",
    ];

    private static readonly string[] ReaderPages =
    [
        "/", "/section/city", $"/article/{Slug}", "/authors", "/author/chen-lu", "/tags", "/topics", "/topic/chengdu-chongqing-economic-circle",
    ];

    private static byte[] Image(int width, int height, Rgba32 colour, bool png)
    {
        using var image = new Image<Rgba32>(width, height, colour);
        using var stream = new MemoryStream();
        if (png)
        {
            image.SaveAsPng(stream);
        }
        else
        {
            image.SaveAsJpeg(stream);
        }

        return stream.ToArray();
    }

    private static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalServer.ScreenshotFolder, name), FullPage = true });

    private async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/staff/sign-in");
        await page.GetByLabel("Email").FillAsync(Email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/staff");
    }

    [Fact]
    public async Task An_administrator_starts_the_site_from_nothing_and_a_reader_without_javascript_sees_it()
    {
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            Assert.Empty(await StaffAccounts.CreateAsync(scope.ServiceProvider, Email, "First Admin", StaffRoles.Admin, Password));
        }

        var problems = new ConcurrentQueue<string>();
        await using var staffContext = await portal.NewContextAsync();
        await staffContext.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => console.error('CSP violation: ' + e.violatedDirective));");
        var staff = await staffContext.NewPageAsync();
        staff.Console += (_, m) =>
        {
            if (m.Type is "error" && !m.Text.StartsWith("Failed to load resource: the server responded with a status of 4", StringComparison.Ordinal))
            {
                problems.Enqueue($"{staff.Url}: {m.Text}");
            }
        };
        await SignInAsync(staff);

        // The dashboard lists what a new site needs.
        Assert.Equal(5, await staff.Locator(".setup-checklist li.todo").CountAsync());
        await ShotAsync(staff, "first-run-dashboard.png");

        // Site details and a logo.
        await staff.GetByRole(AriaRole.Link, new() { Name = "Set the site details" }).ClickAsync();
        await staff.GetByLabel("Site name").FillAsync("Chongqing Evening");
        await staff.GetByLabel("ICP number (linked to the MIIT filing site)").FillAsync("渝ICP备12345678号-2");
        await staff.GetByLabel("Social accounts (one a line: a name, a space, the address)").FillAsync("Weibo https://weibo.com/cqevening");
        await staff.GetByLabel("Upload a logo").SetInputFilesAsync(new FilePayload { Name = "logo.png", MimeType = "image/png", Buffer = Image(480, 120, new Rgba32(140, 28, 19), png: true) });
        await portal.SubmitAndWaitAsync(staff, staff.GetByRole(AriaRole.Button, new() { Name = "Save site details" }), "/staff/settings");
        Assert.Contains("Site details saved", await staff.Locator(".notice").InnerTextAsync());
        Assert.Equal(1, await staff.Locator(".current-logo img").CountAsync());

        // The first section, from the dashboard's checklist.
        await staff.GotoAsync("/staff");
        await staff.GetByRole(AriaRole.Link, new() { Name = "Create the first section" }).ClickAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = "create the first one" }).ClickAsync();
        await staff.GetByLabel("Name", new() { Exact = true }).FillAsync("City");
        await staff.GetByLabel("Description").FillAsync("News from the city.");
        await portal.SubmitAndWaitAsync(staff, staff.GetByRole(AriaRole.Button, new() { Name = "Create section" }), _ => true);
        Assert.Contains("Section saved", await staff.Locator(".notice").InnerTextAsync());

        // The first author, named in Chinese, with a bio, a photo and a link.
        await staff.GotoAsync("/staff/authors/edit");
        await staff.GetByLabel("Name", new() { Exact = true }).FillAsync("陈璐");
        await staff.GetByLabel("Bio").FillAsync("Chen Lu covers the rivers and the ports of Chongqing.");
        await staff.GetByLabel("Links").FillAsync("https://weibo.com/chenlu");
        await staff.GetByLabel("Photo").SetInputFilesAsync(new FilePayload { Name = "chen-lu.jpg", MimeType = "image/jpeg", Buffer = Image(800, 800, new Rgba32(90, 90, 90), png: false) });
        await portal.SubmitAndWaitAsync(staff, staff.GetByRole(AriaRole.Button, new() { Name = "Create author" }), _ => true);
        Assert.Contains("Author saved", await staff.Locator(".notice").InnerTextAsync());
        Assert.Equal("chen-lu", await staff.GetByLabel("Address (slug)").InputValueAsync());

        // The first article, with a cover chosen before the preview and published without choosing it again.
        await staff.GotoAsync("/staff/articles/edit");
        await staff.GetByLabel("Headline").FillAsync(Headline);
        await staff.GetByLabel("Standfirst").FillAsync("The ferry runs every half hour from Chaotianmen until midnight.");
        await staff.GetByLabel("Section").SelectOptionAsync(new SelectOptionValue { Label = "City" });
        await staff.GetByLabel("Authors").FillAsync("陈璐");
        await staff.GetByLabel("Body (Markdown)").FillAsync("The first **night ferry** left Chaotianmen at eight.");
        await staff.GetByLabel("Upload an image").SetInputFilesAsync(new FilePayload { Name = "ferry.jpg", MimeType = "image/jpeg", Buffer = Image(1000, 600, new Rgba32(20, 60, 120), png: false) });
        await staff.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await staff.Locator("#preview").WaitForAsync();
        Assert.Contains("ferry.jpg", await staff.Locator(".pending-cover").InnerTextAsync());
        await portal.SubmitAndWaitAsync(staff, staff.GetByRole(AriaRole.Button, new() { Name = "Publish now" }), url => url.Contains("/staff/articles/edit/", StringComparison.Ordinal));
        Assert.True(staff.Url.Contains("/staff/articles/edit/", StringComparison.Ordinal), await staff.Locator("main").InnerTextAsync());
        var articleId = staff.Url[(staff.Url.LastIndexOf('/') + 1)..];

        // A special topic that holds the article.
        await staff.GotoAsync("/staff/topics/edit");
        await staff.GetByLabel("Title").FillAsync("Chengdu-Chongqing Economic Circle");
        await staff.GetByLabel("Intro (Markdown)").FillAsync("How the two cities are growing **together**.");
        await staff.GetByLabel("Articles, in order").FillAsync(Slug);
        await portal.SubmitAndWaitAsync(staff, staff.GetByRole(AriaRole.Button, new() { Name = "Create topic" }), _ => true);
        Assert.Contains("Topic saved", await staff.Locator(".notice").InnerTextAsync());

        // The checklist now has only the policy pages left.
        await staff.GotoAsync("/staff");
        Assert.Equal(1, await staff.Locator(".setup-checklist li.todo").CountAsync());
        Assert.Contains("policy pages", await staff.Locator(".setup-checklist li.todo").InnerTextAsync());

        // The front page: the lead, then a breaking-news strip.
        await staff.GotoAsync("/staff/front-page");
        await staff.GetByLabel("Lead story").SelectOptionAsync(articleId);
        await portal.SubmitAndWaitAsync(staff, staff.GetByRole(AriaRole.Button, new() { Name = "Save front page" }), "/staff/front-page");
        await staff.GetByLabel("Text (one line)").FillAsync("Night ferry: free rides this weekend");
        await staff.GetByLabel("Link (a path such as /article/some-story, or an address; optional)").FillAsync($"/article/{Slug}");
        await portal.SubmitAndWaitAsync(staff, staff.GetByRole(AriaRole.Button, new() { Name = "Show breaking news" }), "/staff/front-page");
        Assert.Contains("Breaking news shown on every page", await staff.Locator(".notice[role=status]").InnerTextAsync());
        await ShotAsync(staff, "front-page-editor.png");

        // A reader, in another browser context with JavaScript off.
        await using var readerContext = await portal.NewContextAsync(javaScript: false);
        var reader = await readerContext.NewPageAsync();
        await reader.GotoAsync("/");
        Assert.Equal("Chongqing Evening", await reader.Locator(".masthead .brand img").GetAttributeAsync("alt"));
        Assert.Equal(Headline, (await reader.Locator(".lead h2").InnerTextAsync()).Trim());
        Assert.Equal("Night ferry: free rides this weekend", (await reader.Locator(".breaking a").InnerTextAsync()).Trim());
        Assert.Equal("https://beian.miit.gov.cn/", await reader.Locator(".site-footer a.icp").GetAttributeAsync("href"));
        Assert.Equal("渝ICP备12345678号-2", (await reader.Locator(".site-footer a.icp").InnerTextAsync()).Trim());
        Assert.Equal("Weibo", (await reader.Locator(".site-footer .social a").InnerTextAsync()).Trim());
        await ShotAsync(reader, "first-run-reader-home.png");
        await reader.Locator(".breaking a").ClickAsync();
        await reader.WaitForURLAsync($"**/article/{Slug}");
        Assert.Contains("陈璐", await reader.Locator(".byline").InnerTextAsync());
        Assert.Equal(1, await reader.Locator(".cover img").CountAsync());
        Assert.Equal("/topic/chengdu-chongqing-economic-circle", await reader.Locator(".part-of a").GetAttributeAsync("href"));
        await reader.Locator(".byline a[href='/author/chen-lu']").ClickAsync();
        await reader.WaitForURLAsync("**/author/chen-lu");
        Assert.Contains("covers the rivers and the ports", await reader.Locator("main").InnerTextAsync());
        Assert.Equal(1, await reader.Locator("main img.author-photo").CountAsync());
        await reader.GotoAsync("/topic/chengdu-chongqing-economic-circle");
        Assert.Contains("Chengdu-Chongqing Economic Circle", await reader.Locator("h1").InnerTextAsync());
        Assert.Equal(Headline, (await reader.Locator($"main a[href='/article/{Slug}']").Last.InnerTextAsync()).Trim());
        await reader.GotoAsync("/section/city");
        Assert.Contains(Headline, await reader.Locator("main").InnerTextAsync());
        await ShotAsync(reader, "first-run-reader-topic.png");
        Assert.Equal("Night ferry: free rides this weekend", (await reader.Locator(".breaking a").InnerTextAsync()).Trim());

        foreach (var url in StaffPages)
        {
            await staff.GotoAsync(url);
        }

        await staff.WaitForTimeoutAsync(300);
        Assert.True(problems.IsEmpty, string.Join('\n', problems));

        await CheckStandardsAsync(staffContext);
    }

    /// <summary>The W3C checker and axe on the new staff pages and the reader pages that show what was set.</summary>
    private async Task CheckStandardsAsync(IBrowserContext signedIn)
    {
        var folder = Directory.CreateTempSubdirectory("newsportal-vnu-").FullName;
        var found = new List<string>();
        try
        {
            var files = new Dictionary<string, string>();
            foreach (var (url, i) in StaffPages.Concat(ReaderPages).Select((u, i) => (u, i)))
            {
                var response = await signedIn.APIRequest.GetAsync(url);
                Assert.Equal(200, response.Status);
                var file = Path.Combine(folder, $"page{i}.html");
                await File.WriteAllBytesAsync(file, await response.BodyAsync());
                files[Path.GetFileName(file)] = url;
            }

            var messages = await StandardsTools.CheckHtmlAsync(files.Keys.Select(f => Path.Combine(folder, f)).ToList());
            found.AddRange(messages.Where(m => m.Type is "error" or "non-document-error")
                .Select(m => $"W3C {files.GetValueOrDefault(m.File, m.File)} line {m.Line}: {m.Message} [{m.Extract?.Trim()}]"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        await using var axeContext = await portal.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = portal.BaseUrl,
            BypassCSP = true,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await axeContext.NewPageAsync();
        await SignInAsync(page);
        foreach (var url in StaffPages.Concat(ReaderPages))
        {
            await page.GotoAsync(url);
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = StandardsTools.AxeScript });
            var violations = await page.EvaluateAsync<JsonElement>("async () => (await axe.run(document)).violations.map(v => v.id + ': ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).join(', '))");
            found.AddRange(violations.EnumerateArray().Select(v => $"axe {url}: {v.GetString()}"));
        }

        Assert.True(found.Count == 0, string.Join('\n', found));
    }
}
