using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsPortal.BrowserTests.Infrastructure;
using NewsPortal.Core.Staff;
using NewsPortal.Web.Features.Staff;

namespace NewsPortal.BrowserTests.Newsroom;

/// <summary>On a phone-sized screen nothing scrolls sideways and a message reference stays on one line.</summary>
public sealed class WorkingOnAPhoneInChromium(PortalServer portal) : IClassFixture<PortalServer>
{
    private const string Password = "phone-editor-password-3";

    private static Task<bool> ScrollsSidewaysAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");

    [Fact]
    public async Task The_staff_article_list_fits_the_width_of_a_phone()
    {
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            Assert.Empty(await StaffAccounts.CreateAsync(scope.ServiceProvider, "phone-editor@newsportal.test", "Phone Editor", StaffRoles.Editor, Password));
        }

        await using var context = await portal.NewPhoneContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/staff/sign-in");
        await page.GetByLabel("Email").FillAsync("phone-editor@newsportal.test");
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/staff");

        await page.GotoAsync("/staff/articles");
        await page.Locator("#article-list").WaitForAsync();

        Assert.False(await ScrollsSidewaysAsync(page), "The article list scrolls sideways on a 375-pixel screen");
        Assert.Equal("block", await page.Locator("#article-list td[data-label=Status]").First.EvaluateAsync<string>("td => getComputedStyle(td).display"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalServer.ScreenshotFolder, "phone-article-list.png"), FullPage = true });
    }

    [Fact]
    public async Task The_message_reference_on_the_thank_you_page_is_never_broken_across_lines()
    {
        await using var context = await portal.NewPhoneContextAsync();
        var page = await context.NewPageAsync();
        // The narrowest phones in use: 320 pixels.
        await page.SetViewportSizeAsync(320, 640);
        await page.GotoAsync("/message");
        await page.GetByLabel("Your name").FillAsync("Li Wei");
        await page.GetByLabel("Your email address").FillAsync("li.wei@example.cn");
        await page.GetByLabel("Subject").FillAsync("Reference on a phone");
        await page.GetByLabel("Your message").FillAsync("Checking the reference number fits on one line.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send message" }).ClickAsync();
        await page.WaitForURLAsync("**/message/thanks**");

        var lines = await page.EvaluateAsync<int>("() => document.getElementById('message-reference').getClientRects().length");

        Assert.Equal(1, lines);
        Assert.False(await ScrollsSidewaysAsync(page), "The thank-you page scrolls sideways on a 320-pixel screen");
    }
}
