using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsPortal.BrowserTests.Infrastructure;
using NewsPortal.Core.Staff;
using NewsPortal.Web.Features.Staff;

namespace NewsPortal.BrowserTests.Messages;

public sealed class LeavingAMessageInChromium(PortalServer portal) : IClassFixture<PortalServer>
{
    private static string Shot(string name) => Path.Combine(PortalServer.ScreenshotFolder, name);

    [Fact]
    public async Task A_reader_leaves_a_message_and_a_moderator_finds_it_in_the_inbox()
    {
        // The reader, without JavaScript: a mistake first, then the message.
        await using var readerContext = await portal.NewContextAsync(javaScript: false);
        var reader = await readerContext.NewPageAsync();
        await reader.GotoAsync("/");
        await reader.Locator("footer").GetByRole(AriaRole.Link, new() { Name = "Leaving a message" }).ClickAsync();
        await reader.WaitForURLAsync($"{portal.BaseUrl}/message");

        await reader.GetByLabel("Your name").FillAsync("Zhang Min");
        await reader.GetByLabel("Your email address").FillAsync("zhang.min at example");
        await reader.GetByLabel("Your message").FillAsync("The street lights on Jiefangbei Road have been off for a week.");
        await reader.GetByRole(AriaRole.Button, new() { Name = "Send message" }).ClickAsync();

        Assert.Contains("Enter an email address in the form name@example.com.", await reader.Locator(".error-summary").InnerTextAsync());
        Assert.Contains("Enter a subject.", await reader.Locator(".error-summary").InnerTextAsync());
        Assert.Equal("Zhang Min", await reader.GetByLabel("Your name").InputValueAsync());
        Assert.Equal("The street lights on Jiefangbei Road have been off for a week.", await reader.GetByLabel("Your message").InputValueAsync());
        await reader.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("message-form-errors.png"), FullPage = true });

        await reader.GetByLabel("Your email address").FillAsync("zhang.min@example.cn");
        await reader.GetByLabel("Subject").FillAsync("Street lights out on Jiefangbei Road");
        await reader.GetByRole(AriaRole.Button, new() { Name = "Send message" }).ClickAsync();
        await reader.WaitForURLAsync("**/message/thanks?ref=*");

        var reference = (await reader.Locator("#message-reference").InnerTextAsync()).Trim();
        Assert.Matches("^NP-[0-9A-Z]{4}-[0-9A-Z]{4}$", reference);
        await reader.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("message-thanks.png"), FullPage = true });

        // The moderator, with JavaScript, signs in and finds it.
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            Assert.Empty(await StaffAccounts.CreateAsync(scope.ServiceProvider, "moderator@newsportal.test", "Wang Fang", StaffRoles.Moderator, "browser-moderator-2026"));
        }

        await using var staffContext = await portal.NewContextAsync();
        var staff = await staffContext.NewPageAsync();
        await staff.GotoAsync("/staff/inbox");
        await staff.WaitForURLAsync("**/staff/sign-in?*");
        await staff.GetByLabel("Email").FillAsync("moderator@newsportal.test");
        await staff.GetByLabel("Password").FillAsync("browser-moderator-2026");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await staff.WaitForURLAsync($"{portal.BaseUrl}/staff/inbox");

        var row = staff.Locator("table.inbox tbody tr", new() { HasText = reference });
        Assert.Equal(1, await row.CountAsync());
        Assert.Contains("Zhang Min", await row.InnerTextAsync());
        await staff.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("inbox.png"), FullPage = true });

        await row.GetByRole(AriaRole.Link, new() { Name = "Street lights out on Jiefangbei Road" }).ClickAsync();
        await staff.WaitForURLAsync("**/staff/inbox/*");
        Assert.Equal("The street lights on Jiefangbei Road have been off for a week.", (await staff.Locator(".message-body").InnerTextAsync()).Trim());
        Assert.StartsWith("Read", (await staff.Locator("#status").InnerTextAsync()).Trim());

        await staff.GetByLabel("Add a note").FillAsync("Passed to the city desk.");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Handled" }).ClickAsync();
        Assert.StartsWith("Handled", (await staff.Locator("#status").InnerTextAsync()).Trim());
        Assert.Equal("Passed to the city desk.", (await staff.Locator(".note-list .note-text").InnerTextAsync()).Trim());
        await staff.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("inbox-message.png"), FullPage = true });
    }

    [Fact]
    public async Task The_message_form_with_errors_fits_a_phone_screen()
    {
        await using var context = await portal.NewPhoneContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/message");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send message" }).ClickAsync();
        await page.Locator(".error-summary").WaitForAsync();
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");

        Assert.True(scrollWidth <= 375, $"The page is {scrollWidth}px wide on a 375px screen");
        Assert.Equal(4, await page.Locator(".field-error").CountAsync());
        Assert.False(await page.Locator("#website").IsVisibleAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("message-form-errors-phone.png"), FullPage = true });
    }
}
