using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace NewsPortal.BrowserTests.Infrastructure;

/// <summary>
/// The real portal on Kestrel at 127.0.0.1 (a free port), over a fresh SQLite file, and Debian's Chromium
/// driven by Playwright. One per test class.
/// </summary>
public class PortalServer : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "newsportal-browser", Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public static string ChromiumPath => Environment.GetEnvironmentVariable("NEWSPORTAL_CHROMIUM") ?? "/usr/bin/chromium";

    public static string ScreenshotFolder
    {
        get
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(_folder, "portal.db")}");
        builder.UseSetting("Serilog:WriteTo:1:Args:path", Path.Combine(_folder, "logs", "portal-.log"));
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Media:Folder", Path.Combine(_folder, "media"));
        // Playwright fills in forms faster than people; the fill-time check is tested in the integration tests.
        builder.UseSetting("Messages:MinimumFillSeconds", "0");
        foreach (var (key, value) in Settings())
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>The folder this server keeps its database, logs and uploads in.</summary>
    public string DataFolder => _folder;

    /// <summary>Further settings a derived server wants (key, value).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> Settings() => [];

    public async Task InitializeAsync()
    {
        UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().TrimEnd('/');

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        });
    }

    /// <summary>A fresh browser context (its own cookies), with or without JavaScript.</summary>
    public Task<IBrowserContext> NewContextAsync(bool javaScript = true) =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            JavaScriptEnabled = javaScript,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });

    /// <summary>
    /// Clicks a form button and waits until the page the form leads to has replaced the current one (its
    /// document committed) and its DOM is ready. Waiting for the address alone is racy when the form returns
    /// to the page it is on, and a response alone comes before the new document: a load state read then may
    /// still be the old page's. The tests read the DOM, so they do not wait for "load" (images and styles).
    /// </summary>
    public Task SubmitAndWaitAsync(IPage page, ILocator button, string path) =>
        SubmitAndWaitAsync(page, button, url => url == BaseUrl + path);

    public async Task SubmitAndWaitAsync(IPage page, ILocator button, Func<string, bool> leadsTo)
    {
        var committed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnNavigated(object? sender, IFrame frame)
        {
            if (frame == page.MainFrame && leadsTo(frame.Url))
            {
                committed.TrySetResult();
            }
        }

        page.FrameNavigated += OnNavigated;
        try
        {
            await button.ClickAsync();
            await committed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            page.FrameNavigated -= OnNavigated;
        }

        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    /// <summary>A fresh browser context the size of a phone screen (375 × 740, touch, mobile viewport).</summary>
    public Task<IBrowserContext> NewPhoneContextAsync() =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = 375, Height = 740 },
            IsMobile = true,
        });

    public new async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp folder's own clean-up.
        }
    }
}
