using Microsoft.Playwright;

namespace StepFunctionsCqrs.LocalCloud.Tests.WebConsole.Browser;

/// <summary>
/// Headless Chromium driven by Playwright, shared by the console's browser tests. Debian's <c>chromium</c> package is
/// the browser (<c>.ci/run</c> installs it); Playwright's own browser download is not used.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Where Debian installs Chromium; CHROMIUM_PATH points elsewhere.</summary>
    public static string ExecutablePath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private IPlaywright? playwright;

    /// <summary>The browser.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where the tests save their screenshots.</summary>
    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "console-screenshots");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"The console's browser tests need Chromium at {ExecutablePath}: install it with 'sudo apt-get install chromium' (or set CHROMIUM_PATH).");
        }

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ExecutablePath, Headless = true });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>A fresh page in its own context, sized like a laptop screen.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        return await context.NewPageAsync();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
    }
}
