using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;

namespace Steward.Server.Tests;

public sealed partial class FirstStartTests
{
    [Fact]
    public async Task FirstStart_PrintsDashboardAndAdminKeyOnce_AndKeepsSecretsOwnerOnly()
    {
        if (Environment.GetEnvironmentVariable("STEWARD_BOOTSTRAP_KEY") is not null)
            Assert.Skip("STEWARD_BOOTSTRAP_KEY is set in this environment, so no key is generated");
        var data = Directory.CreateTempSubdirectory("steward-first-").FullName;
        var banner = new StringWriter();
        string key;
        await using (var app = Build(data, banner))
        {
            await app.StartAsync();
            var text = banner.ToString();
            Assert.Contains("dashboard: http://127.0.0.1:", text, StringComparison.Ordinal);
            key = KeyLine().Match(text).Groups[1].Value;
            Assert.StartsWith("stw_", key, StringComparison.Ordinal);

            var keyFile = Path.Combine(data, "bootstrap-admin.key");
            Assert.Equal(key, (await File.ReadAllTextAsync(keyFile)).Trim());
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(data, "ledger-signing.key")));
            }

            using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);
            await app.StopAsync();
        }

        var second = new StringWriter();
        await using (var app = Build(data, second))
        {
            await app.StartAsync();
            Assert.DoesNotContain(key, second.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("Bootstrap admin API key", second.ToString(), StringComparison.Ordinal);
            await app.StopAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
    }

    private static WebApplication Build(string data, TextWriter banner) =>
        StewardServer.Build(new StewardServerOptions { Urls = "http://127.0.0.1:0", DataDirectory = data, Origin = "first.example/steward", Console = banner },
            ["--Logging:LogLevel:Default=Warning"]);

    [GeneratedRegex(@"^\s+(stw_\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex KeyLine();
}
