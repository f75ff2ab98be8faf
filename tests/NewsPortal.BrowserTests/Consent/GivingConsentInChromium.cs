using Microsoft.Playwright;
using NewsPortal.BrowserTests.Infrastructure;

namespace NewsPortal.BrowserTests.Consent;

public sealed class GivingConsentInChromium(PortalServer portal) : IClassFixture<PortalServer>
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_reader_agrees_to_cookies_and_comes_back_to_the_same_page(bool javaScript)
    {
        await using var context = await portal.NewContextAsync(javaScript);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/section/city");
        var banner = page.Locator("#consent-banner");
        Assert.True(await banner.IsVisibleAsync());
        Assert.Empty(await context.CookiesAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalServer.ScreenshotFolder, $"consent-banner-js-{javaScript}.png") });

        await portal.SubmitAndWaitAsync(page, banner.GetByRole(AriaRole.Button, new() { Name = "I Agree" }), "/section/city");

        Assert.Equal(0, await page.Locator("#consent-banner").CountAsync());
        var cookie = Assert.Single(await context.CookiesAsync());
        Assert.Equal("np_consent", cookie.Name);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Lax, cookie.SameSite);
        Assert.Matches("^[0-9a-f]{32}\\.a\\.\\d+\\.\\d+$", cookie.Value);

        await page.GotoAsync("/cookie-settings");
        Assert.Contains("you agreed", await page.Locator("#consent-status").InnerTextAsync());
    }

    [Fact]
    public async Task A_reader_rejects_from_the_cookie_settings_page_without_javascript()
    {
        await using var context = await portal.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/cookie-settings");
        await portal.SubmitAndWaitAsync(page, page.Locator("form.consent-choice").GetByRole(AriaRole.Button, new() { Name = "Reject" }), "/cookie-settings");

        Assert.Contains("you rejected", await page.Locator("#consent-status").InnerTextAsync());
        Assert.Equal(["np_consent"], (await context.CookiesAsync()).Select(c => c.Name));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalServer.ScreenshotFolder, "cookie-settings.png"), FullPage = true });
    }

    [Fact]
    public async Task On_a_phone_the_banner_fits_and_both_choices_are_the_same_size()
    {
        await using var context = await portal.NewPhoneContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        var agree = await page.Locator("#consent-banner").GetByRole(AriaRole.Button, new() { Name = "I Agree" }).BoundingBoxAsync();
        var reject = await page.Locator("#consent-banner").GetByRole(AriaRole.Button, new() { Name = "Reject" }).BoundingBoxAsync();
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");

        Assert.True(scrollWidth <= 375, $"The page is {scrollWidth}px wide on a 375px screen");
        Assert.Equal(agree!.Width, reject!.Width, 1);
        Assert.Equal(agree.Height, reject.Height, 1);
        Assert.True(agree.Height >= 44, $"The buttons are {agree.Height}px tall");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalServer.ScreenshotFolder, "consent-banner-phone.png") });
    }
}
