using Microsoft.Playwright;

namespace Steward.Browser.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium driven by Playwright (which cannot download its own browsers here). Missing Chromium skips the
/// browser tests, unless STEWARD_REQUIRE_ALL=1 demands that everything runs.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    private readonly IPlaywright? _playwright;

    private Chromium(IPlaywright? playwright, IBrowser? browser, string? unavailable)
    {
        _playwright = playwright;
        Browser = browser;
        Unavailable = unavailable;
    }

    /// <summary>The browser, or null when it could not be started.</summary>
    public IBrowser? Browser { get; }

    /// <summary>Why there is no browser.</summary>
    public string? Unavailable { get; }

    public static string ExecutablePath => Environment.GetEnvironmentVariable("STEWARD_CHROMIUM") ?? "/usr/bin/chromium";

    public static async Task<Chromium> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
            return new Chromium(null, null, $"Chromium not found at {ExecutablePath} (set STEWARD_CHROMIUM, or apt-get install chromium)");
        IPlaywright? playwright = null;
        try
        {
            playwright = await Playwright.CreateAsync();
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            return new Chromium(playwright, browser, null);
        }
        catch (Exception e) when (e is PlaywrightException or IOException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            playwright?.Dispose();
            return new Chromium(null, null, $"Chromium at {ExecutablePath} did not start: {e.Message}");
        }
    }

    /// <summary>Skips the calling test when there is no browser (fails it under STEWARD_REQUIRE_ALL=1).</summary>
    public IBrowser Require()
    {
        if (Browser is not null) return Browser;
        Requirements.Unavailable(Unavailable!);
        return null!;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
