using Microsoft.Playwright;

namespace CxMaturity.EndToEnd.Tests.Infrastructure;

/// <summary>
/// One app server and one headless Debian Chromium for a test class. Browsers are never downloaded: the test
/// command installs Debian's <c>chromium</c> package.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public AppServer App { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    /// <summary>Screenshots land here so a person can look at what the tests saw.</summary>
    public static string OutputDirectory { get; } = CreateOutputDirectory();

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"{ChromiumPath} is missing. Run ./test.sh, which installs Debian's chromium package.");
        }

        BaseUrl = App.BaseUrl;
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
            ],
        });
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    /// <summary>A phone: 390 × 844 CSS pixels, touch and the mobile viewport rules, as an iPhone 14 reports them.</summary>
    public async Task<IPage> NewPhonePageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = Phone.Width, Height = Phone.Height },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    /// <summary>The phone viewport every page must fit without scrolling sideways.</summary>
    public static (int Width, int Height) Phone { get; } = (390, 844);

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
    }

    private static string CreateOutputDirectory()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        return directory;
    }
}
