using Microsoft.Playwright;

namespace Steward.Browser.Tests.Infrastructure;

/// <summary>
/// Full-page screenshots, one per test: in STEWARD_SCREENSHOTS if set, else &lt;repo root&gt;/TestResults/screenshots
/// (the repo root is the first directory above the test binaries holding Steward.slnx).
/// </summary>
public static class Screenshots
{
    public static string Directory { get; } = Resolve();

    public static async Task SaveAsync(IPage page, string name)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.Current.TestOutputHelper?.WriteLine($"screenshot: {path}");
    }

    private static string Resolve()
    {
        if (Environment.GetEnvironmentVariable("STEWARD_SCREENSHOTS") is { Length: > 0 } configured) return Path.GetFullPath(configured);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Steward.slnx"))) return Path.Combine(dir.FullName, "TestResults", "screenshots");
        }
        return Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
    }
}
