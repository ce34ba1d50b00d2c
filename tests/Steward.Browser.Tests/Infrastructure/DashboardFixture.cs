using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace Steward.Browser.Tests.Infrastructure;

/// <summary>One seeded server and one browser for all dashboard tests; each test gets its own browser context (cookies).</summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public StewardServerHost Server { get; private set; } = null!;

    public SeedData Seed { get; private set; } = null!;

    public Chromium Chromium { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Server = await StewardServerHost.StartAsync();
        Seed = await SeedData.CreateAsync(Server);
        Chromium = await Chromium.LaunchAsync();
    }

    /// <summary>
    /// Runs <paramref name="test"/> in a fresh browser context against <paramref name="server"/> (default: the shared one)
    /// and saves a screenshot named after the test, also when it fails.
    /// </summary>
    public async Task RunAsync(Func<IPage, Task> test, StewardServerHost? server = null, [CallerMemberName] string name = "")
    {
        var browser = Chromium.Require();
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = (server ?? Server).BaseAddress.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
            Locale = "en-GB",
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        try
        {
            await test(page);
        }
        finally
        {
            await Screenshots.SaveAsync(page, name);
        }
    }

    /// <summary>Signs in through the form with <paramref name="key"/>.</summary>
    public static async Task SignInAsync(IPage page, string key, string start = "/ui")
    {
        await page.GotoAsync(start);
        await page.GetByLabel("API key").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Chromium is not null) await Chromium.DisposeAsync();
        if (Server is not null) await Server.DisposeAsync();
    }
}
