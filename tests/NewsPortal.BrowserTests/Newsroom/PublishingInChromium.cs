using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsPortal.BrowserTests.Infrastructure;
using NewsPortal.Core.Staff;
using NewsPortal.Web.Features.Staff;

namespace NewsPortal.BrowserTests.Newsroom;

public sealed class PublishingInChromium(PortalServer portal) : IClassFixture<PortalServer>
{
    private const string Password = "browser-editor-password-1";

    private static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalServer.ScreenshotFolder, name), FullPage = true });

    [Fact]
    public async Task An_editor_writes_previews_and_publishes_an_article_and_a_reader_opens_it_from_the_home_page()
    {
        const string Headline = "Chongqing opens a river walk under the bridges";
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            Assert.Empty(await StaffAccounts.CreateAsync(scope.ServiceProvider, "editor@newsportal.test", "Browser Editor", StaffRoles.Editor, Password));
        }

        await using var staffContext = await portal.NewContextAsync();
        var staff = await staffContext.NewPageAsync();
        await staff.GotoAsync("/staff/sign-in");
        await staff.GetByLabel("Email").FillAsync("editor@newsportal.test");
        await staff.GetByLabel("Password").FillAsync(Password);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await staff.WaitForURLAsync("**/staff");

        await staff.GotoAsync("/staff/articles/edit");
        await staff.GetByLabel("Headline").FillAsync(Headline);
        await staff.GetByLabel("Standfirst").FillAsync("A four-kilometre path now links Chaotianmen with the Nanbin Road promenade.");
        await staff.GetByLabel("Section").SelectOptionAsync(new SelectOptionValue { Label = "City" });
        await staff.GetByLabel("Tags").FillAsync("riverside, walking");
        await staff.GetByLabel("Authors").FillAsync("Chen Jing");
        await staff.GetByLabel("Body (Markdown)").FillAsync(
            "The new **river walk** opened on Saturday.\n\n## Getting there\n\n- Metro line 6 to Xiaoshizi\n- Bus 105 to Chaotianmen\n\n> \"It is the best view of the city,\" one walker said.");
        await staff.GetByLabel("Caption").FillAsync("The river walk at night.");

        await staff.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await staff.Locator("#preview").WaitForAsync();
        Assert.Equal("Getting there", (await staff.Locator("#preview .article-body h2").InnerTextAsync()).Trim());
        Assert.Equal("river walk", (await staff.Locator("#preview .article-body strong").InnerTextAsync()).Trim());
        Assert.Equal(Headline, await staff.GetByLabel("Headline").InputValueAsync());
        await ShotAsync(staff, "newsroom-editor-preview.png");

        await staff.GetByRole(AriaRole.Button, new() { Name = "Publish now" }).ClickAsync();
        await staff.WaitForURLAsync("**/staff/articles/edit/*");
        Assert.Contains("Published", await staff.Locator("#notice").InnerTextAsync());

        await staff.GetByLabel("Body (Markdown)").FillAsync(
            "The new **river walk** opened on Saturday morning.\n\n## Getting there\n\n- Metro line 6 to Xiaoshizi\n- Bus 105 to Chaotianmen\n- Cable car to the south bank\n\n> \"It is the best view of the city,\" one walker said.");
        await portal.SubmitAndWaitAsync(staff, staff.GetByRole(AriaRole.Button, new() { Name = "Save changes" }),
            url => url.Contains("/staff/articles/edit/", StringComparison.Ordinal));
        await staff.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Revisions") }).ClickAsync();
        await staff.Locator("#diff").WaitForAsync();
        Assert.Contains("Cable car to the south bank", await staff.Locator("#diff tr.added").AllInnerTextsAsync().ContinueWith(t => string.Join("\n", t.Result)));
        await ShotAsync(staff, "newsroom-revision-diff.png");

        await staff.GotoAsync("/staff/articles");
        Assert.Contains(Headline, await staff.Locator("#article-list").InnerTextAsync());
        await ShotAsync(staff, "newsroom-article-list.png");

        await using var readerContext = await portal.NewContextAsync(javaScript: false);
        var reader = await readerContext.NewPageAsync();
        await reader.GotoAsync("/");
        await reader.GetByRole(AriaRole.Link, new() { Name = Headline, Exact = true }).First.ClickAsync();
        await reader.WaitForURLAsync("**/article/chongqing-opens-a-river-walk-under-the-bridges");
        Assert.Equal(Headline, (await reader.Locator("h1#headline").InnerTextAsync()).Trim());
        Assert.Contains("Saturday morning", await reader.Locator(".article-body").InnerTextAsync());
        Assert.Contains("Chen Jing", await reader.Locator(".byline").InnerTextAsync());
        await ShotAsync(reader, "newsroom-published-article.png");
    }
}
