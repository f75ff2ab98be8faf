using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsPortal.BrowserTests.Infrastructure;
using NewsPortal.Core.Staff;
using NewsPortal.Web.Features.Staff;

namespace NewsPortal.BrowserTests.Newsroom;

/// <summary>
/// An editor fills the media library in Chromium and puts a picture, a gallery and a video into an article; a
/// reader sees them with JavaScript (the gallery viewer by keyboard, the video playing in ranges) and without it
/// (the gallery as links), and no page breaks the Content-Security-Policy.
/// </summary>
public sealed partial class PublishingMediaInChromium(PortalServer portal) : IClassFixture<PortalServer>
{
    private const string Password = "browser-media-password-3";
    private const string Headline = "Lantern festival lights up the old quay";

    private static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalServer.ScreenshotFolder, name), FullPage = true });

    private static void Watch(IPage page, ConcurrentQueue<string> problems)
    {
        page.Console += (_, message) =>
        {
            if (message.Type is "error" || message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                problems.Enqueue($"{page.Url}: console {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => problems.Enqueue($"{page.Url}: script error: {error}");
    }

    private async Task<int> UploadAsync(IPage staff, FilePayload file, string alt, string caption, string credit, FilePayload? captions = null)
    {
        await staff.GotoAsync("/staff/media");

        // The upload form is folded away once the library holds something.
        var upload = staff.Locator("details.media-upload");
        if (await upload.GetAttributeAsync("open") is null)
        {
            await upload.Locator("summary").ClickAsync();
        }

        await staff.GetByLabel("Picture or video").SetInputFilesAsync(file);
        await staff.GetByLabel("Alt text").FillAsync(alt);
        await staff.GetByLabel("Caption", new() { Exact = true }).FillAsync(caption);
        await staff.GetByLabel("Credit").FillAsync(credit);
        if (captions is not null)
        {
            await staff.GetByLabel("Captions (WebVTT)").SetInputFilesAsync(captions);
        }

        await portal.SubmitAndWaitAsync(staff, staff.GetByRole(AriaRole.Button, new() { Name = "Upload" }), url => ItemAddress().IsMatch(url));
        return int.Parse(ItemAddress().Match(staff.Url).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task An_editor_puts_a_picture_a_gallery_and_a_video_into_an_article_and_readers_see_them_with_and_without_javascript()
    {
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            Assert.Empty(await StaffAccounts.CreateAsync(scope.ServiceProvider, "media@newsportal.test", "Media Editor", StaffRoles.Editor, Password));
        }

        var problems = new ConcurrentQueue<string>();
        await using var staffContext = await portal.NewContextAsync();
        var staff = await staffContext.NewPageAsync();
        Watch(staff, problems);
        await staff.GotoAsync("/staff/sign-in");
        await staff.GetByLabel("Email").FillAsync("media@newsportal.test");
        await staff.GetByLabel("Password").FillAsync(Password);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await staff.WaitForURLAsync("**/staff");
        await staff.GetByRole(AriaRole.Link, new() { Name = "Media library" }).ClickAsync();
        await staff.WaitForURLAsync("**/staff/media");

        var quay = await UploadAsync(staff, new FilePayload { Name = "quay.jpg", MimeType = "image/jpeg", Buffer = MediaFiles.Jpeg(1400, 800, 60) },
            "Red lanterns strung along the quay", "Lanterns along the quay", "Photo Desk");
        var crowd = await UploadAsync(staff, new FilePayload { Name = "crowd.jpg", MimeType = "image/jpeg", Buffer = MediaFiles.Jpeg(1000, 700, 200) },
            "A crowd on the steps", "The crowd on the steps", "Li Wei");
        var video = await UploadAsync(staff, new FilePayload { Name = "parade.webm", MimeType = "video/webm", Buffer = MediaFiles.WebmVideo() },
            "The lantern parade passes the quay", "The parade", "Video Desk",
            new FilePayload { Name = "parade.vtt", MimeType = "text/vtt", Buffer = System.Text.Encoding.UTF8.GetBytes(MediaFiles.Captions) });
        await ShotAsync(staff, "media-library-item.png");

        await staff.GotoAsync("/staff/articles/edit");
        await staff.GetByLabel("Headline").FillAsync(Headline);
        await staff.GetByLabel("Section").SelectOptionAsync(new SelectOptionValue { Label = "City" });
        await staff.GetByLabel("Body (Markdown)").FillAsync(
            $"The festival opened on Friday.\n\n![Lanterns over the water](media:{quay})\n\n## In pictures\n\n::: gallery\n![](media:{quay})\n![](media:{crowd})\n:::\n\n## The parade\n\n![The parade at dusk](media:{video})\n");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await staff.Locator("#preview figure.media-figure img").WaitForAsync();
        await portal.SubmitAndWaitAsync(staff, staff.GetByRole(AriaRole.Button, new() { Name = "Publish now" }), url => url.Contains("/staff/articles/edit/", StringComparison.Ordinal));
        Assert.Contains("Published", await staff.Locator("#notice").InnerTextAsync());

        // With JavaScript: the body picture loads, the gallery opens in a viewer driven by the keyboard, the video plays in ranges.
        await using var readerContext = await portal.NewContextAsync();
        var reader = await readerContext.NewPageAsync();
        Watch(reader, problems);
        var videoAnswers = new ConcurrentQueue<int>();
        reader.Response += (_, response) =>
        {
            if (response.Url.Contains("-video.webm", StringComparison.Ordinal))
            {
                videoAnswers.Enqueue(response.Status);
            }
        };
        await reader.GotoAsync("/article/lantern-festival-lights-up-the-old-quay");
        var bodyPicture = reader.Locator(".article-body > figure.media-figure img").First;
        await bodyPicture.ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(bodyPicture).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await bodyPicture.EvaluateAsync<int>("i => i.naturalWidth") > 0);
        Assert.EndsWith(".webp", await bodyPicture.EvaluateAsync<string>("i => i.currentSrc"));

        await reader.Locator(".gallery-link").First.FocusAsync();
        await reader.Keyboard.PressAsync("Enter");
        var viewer = reader.Locator("dialog.gallery-viewer[open]");
        await Assertions.Expect(viewer).ToBeVisibleAsync();
        await Assertions.Expect(viewer.Locator(".gallery-count")).ToHaveTextAsync("Picture 1 of 2");
        await reader.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(viewer.Locator(".gallery-count")).ToHaveTextAsync("Picture 2 of 2");
        await Assertions.Expect(viewer.Locator("img")).ToHaveAttributeAsync("alt", "A crowd on the steps");
        await Assertions.Expect(viewer.Locator("figcaption")).ToContainTextAsync("The crowd on the steps");
        await ShotAsync(reader, "media-gallery-viewer.png");
        await reader.Keyboard.PressAsync("Escape");
        await Assertions.Expect(reader.Locator("dialog.gallery-viewer")).ToHaveCountAsync(0);
        Assert.Equal(await reader.Locator(".gallery-link").Nth(1).GetAttributeAsync("href"), await reader.EvaluateAsync<string>("document.activeElement.getAttribute('href')"));

        var player = reader.Locator("figure.media-video video");
        Assert.Equal("none", await player.GetAttributeAsync("preload"));
        Assert.Empty(videoAnswers);
        await player.ScrollIntoViewIfNeededAsync();
        await player.EvaluateAsync("v => { v.muted = true; return v.play(); }");
        await reader.WaitForFunctionAsync("() => document.querySelector('figure.media-video video').currentTime > 0.5", null, new() { Timeout = 20_000 });
        Assert.Contains(206, videoAnswers);
        Assert.Equal(1, await player.EvaluateAsync<int>("v => v.textTracks.length"));
        await ShotAsync(reader, "media-article-reader.png");

        // Without JavaScript: the gallery is a grid of links that open the large pictures.
        await using var plainContext = await portal.NewContextAsync(javaScript: false);
        var plain = await plainContext.NewPageAsync();
        await plain.GotoAsync("/article/lantern-festival-lights-up-the-old-quay");
        Assert.Equal(2, await plain.Locator(".gallery-grid > li img").CountAsync());
        var large = await plain.Locator(".gallery-link").Nth(1).GetAttributeAsync("href");
        var opened = await plain.RunAndWaitForResponseAsync(() => plain.Locator(".gallery-link").Nth(1).ClickAsync(), r => r.Url.EndsWith(large!, StringComparison.Ordinal));
        await plain.WaitForURLAsync("**" + large);
        Assert.Equal(200, opened.Status);
        Assert.EndsWith(large!, plain.Url);
        Assert.Equal("image/jpeg", await opened.HeaderValueAsync("content-type"));

        Assert.True(problems.IsEmpty, "Problems in the browser:\n" + string.Join('\n', problems));
    }

    [GeneratedRegex(@"/staff/media/(\d+)$")]
    private static partial Regex ItemAddress();
}
