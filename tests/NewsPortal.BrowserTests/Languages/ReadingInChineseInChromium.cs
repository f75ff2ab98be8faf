using Microsoft.Playwright;
using NewsPortal.BrowserTests.Infrastructure;

namespace NewsPortal.BrowserTests.Languages;

/// <summary>
/// The whole reader journey on the Chinese pages in Chromium, with JavaScript on and off: the cookie banner, an
/// article, the privacy and terms pages, and a message left through the form with its reference. Every page
/// reached stays under /zh and speaks Chinese.
/// </summary>
public sealed class ReadingInChineseInChromium(PortalServer portal) : IClassFixture<PortalServer>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_reader_goes_through_the_Chinese_site_from_the_banner_to_a_message_reference(bool javaScript)
    {
        await using var context = await portal.NewContextAsync(javaScript);
        var page = await context.NewPageAsync();
        var shot = javaScript ? "zh-js" : "zh-nojs";

        await page.GotoAsync("/zh/");
        Assert.Equal("zh-Hans", await page.Locator("html").GetAttributeAsync("lang"));
        var banner = page.Locator("#consent-banner");
        Assert.Contains("我们使用绝对必要的Cookie", await banner.InnerTextAsync());
        await portal.SubmitAndWaitAsync(page, banner.GetByRole(AriaRole.Button, new() { Name = "我同意" }), "/zh/");
        Assert.Equal(0, await page.Locator("#consent-banner").CountAsync());

        // An article, from the home page's lead.
        await page.Locator("#lead-headline a").ClickAsync();
        await page.WaitForURLAsync("**/zh/article/**");
        Assert.Contains("发布于", await page.Locator(".article .meta").InnerTextAsync());
        Assert.Matches(@"\d{4}年\d{1,2}月\d{1,2}日", await page.Locator(".article .meta time").First.InnerTextAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalServer.ScreenshotFolder, $"{shot}-article.png"), FullPage = true });

        // The policy pages, from the footer.
        await page.Locator("footer").GetByRole(AriaRole.Link, new() { Name = "隐私声明和Cookie政策" }).ClickAsync();
        await page.WaitForURLAsync($"{portal.BaseUrl}/zh/privacy");
        Assert.Contains("最后修订于", await page.Locator("main").InnerTextAsync());
        await page.Locator("footer").GetByRole(AriaRole.Link, new() { Name = "使用条款" }).ClickAsync();
        await page.WaitForURLAsync($"{portal.BaseUrl}/zh/terms");

        // A message: a mistake first, then sent; the reference is shown in Chinese.
        await page.Locator("footer").GetByRole(AriaRole.Link, new() { Name = "留言" }).ClickAsync();
        await page.WaitForURLAsync($"{portal.BaseUrl}/zh/message");
        await page.GetByLabel("您的姓名").FillAsync("陈璐");
        await page.GetByLabel("您的电子邮件地址").FillAsync("chen.lu at example");
        await page.GetByLabel("您的留言").FillAsync("解放碑的路灯已经一个星期不亮了。");
        await page.GetByRole(AriaRole.Button, new() { Name = "发送留言" }).ClickAsync();
        var errors = await page.Locator(".error-summary").InnerTextAsync();
        Assert.Contains("请输入格式为 name@example.com 的电子邮件地址。", errors);
        Assert.Contains("请输入主题。", errors);
        Assert.Equal("陈璐", await page.GetByLabel("您的姓名").InputValueAsync());

        await page.GetByLabel("您的电子邮件地址").FillAsync("chen.lu@example.cn");
        await page.GetByLabel("主题").FillAsync("解放碑路灯");
        await page.GetByRole(AriaRole.Button, new() { Name = "发送留言" }).ClickAsync();
        await page.WaitForURLAsync("**/zh/message/thanks?ref=*");
        Assert.Equal("谢谢，您的留言已收到", (await page.Locator("main h1").InnerTextAsync()).Trim());
        Assert.Matches("^NP-[0-9A-Z]{4}-[0-9A-Z]{4}$", (await page.Locator("#message-reference").InnerTextAsync()).Trim());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalServer.ScreenshotFolder, $"{shot}-message-thanks.png"), FullPage = true });

        // And back to English by the visible switch, on the same page.
        await page.Locator(".language-switch").GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await page.WaitForURLAsync("**/message/thanks?ref=*");
        Assert.DoesNotContain("/zh/", page.Url, StringComparison.Ordinal);
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
    }
}
