using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsPortal.BrowserTests.Infrastructure;
using NewsPortal.Core.Staff;
using NewsPortal.Web.Features.Staff;

namespace NewsPortal.BrowserTests.Policies;

public sealed class RevisingPoliciesInChromium(PortalServer portal) : IClassFixture<PortalServer>
{
    private static string Shot(string name) => Path.Combine(PortalServer.ScreenshotFolder, name);

    [Fact]
    public async Task The_privacy_statement_reads_well_on_a_phone()
    {
        await using var context = await portal.NewPhoneContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/privacy");
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");

        Assert.True(scrollWidth <= 375, $"The page is {scrollWidth}px wide on a 375px screen");
        Assert.StartsWith("Last revised", (await page.Locator("main .meta").InnerTextAsync()).Trim());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("privacy-phone.png"), FullPage = true });
    }

    [Fact]
    public async Task An_admin_publishes_a_material_revision_and_a_reader_who_had_agreed_is_asked_again()
    {
        await using var readerContext = await portal.NewContextAsync(javaScript: false);
        var reader = await readerContext.NewPageAsync();
        await reader.GotoAsync("/");
        await portal.SubmitAndWaitAsync(reader, reader.Locator("#consent-banner").GetByRole(AriaRole.Button, new() { Name = "I Agree" }), "/");
        Assert.Equal(0, await reader.Locator("#consent-banner").CountAsync());

        await using (var scope = portal.Services.CreateAsyncScope())
        {
            Assert.Empty(await StaffAccounts.CreateAsync(scope.ServiceProvider, "admin@newsportal.test", "Chen Jie", StaffRoles.Admin, "browser-admin-2026x"));
        }

        await using var adminContext = await portal.NewContextAsync();
        var admin = await adminContext.NewPageAsync();
        await admin.GotoAsync("/staff/sign-in");
        await admin.GetByLabel("Email").FillAsync("admin@newsportal.test");
        await admin.GetByLabel("Password").FillAsync("browser-admin-2026x");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await admin.WaitForURLAsync($"{portal.BaseUrl}/staff");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Policy pages", Exact = true }).ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "Privacy Statement & Cookie Policy", Exact = true }).ClickAsync();
        await admin.WaitForURLAsync($"{portal.BaseUrl}/staff/policies/privacy");

        var text = admin.GetByLabel("Text (Markdown)");
        await text.FillAsync(await text.InputValueAsync() + "\n\n## Newsletters\n\nWe now send a weekly newsletter to readers who ask for it.");
        await admin.GetByLabel("Material change").CheckAsync();
        await admin.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("policy-editor.png"), FullPage = true });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save new revision" }).ClickAsync();
        Assert.Contains("Revision 2 saved", await admin.Locator(".notice").InnerTextAsync());

        await reader.GotoAsync("/");
        var banner = reader.Locator("#consent-banner");
        Assert.Contains("revised Privacy Policy", await banner.InnerTextAsync());
        await reader.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("consent-banner-revised.png") });

        await reader.GotoAsync("/privacy");
        Assert.Equal("Newsletters", (await reader.Locator(".policy-body h2").Last.InnerTextAsync()).Trim());
    }
}
