using Microsoft.Playwright;
using NewsPortal.BrowserTests.Infrastructure;

namespace NewsPortal.BrowserTests.Reading;

public sealed class ReadingInChromium(PortalServer portal) : IClassFixture<PortalServer>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_reader_opens_the_lead_story_from_the_home_page(bool javaScript)
    {
        await using var context = await portal.NewContextAsync(javaScript);
        var page = await context.NewPageAsync();

        var home = await page.GotoAsync("/");
        Assert.Equal(200, home!.Status);
        var headline = (await page.Locator("#lead-headline").InnerTextAsync()).Trim();
        await page.Locator("#lead-headline a").ClickAsync();
        await page.WaitForURLAsync("**/article/**");

        Assert.Equal(headline, (await page.Locator("h1#headline").InnerTextAsync()).Trim());
        Assert.True(await page.Locator(".article-body table").IsVisibleAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(PortalServer.ScreenshotFolder, $"article-js-{javaScript}.png"),
            FullPage = true,
        });
    }

    [Fact]
    public async Task The_home_page_fits_a_phone_screen()
    {
        await using var context = await portal.NewPhoneContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");

        Assert.True(scrollWidth <= 375, $"The page is {scrollWidth}px wide on a 375px screen");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalServer.ScreenshotFolder, "home-phone.png") });
    }
}
