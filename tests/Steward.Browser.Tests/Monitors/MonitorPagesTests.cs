using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Steward.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Steward.Browser.Tests.Monitors;

/// <summary>/ui/monitors on a server of its own: the list with statuses, a monitor's SVG trend, run history and report, with user text escaped.</summary>
public sealed class MonitorPagesTests(DashboardFixture fixture) : IAsyncLifetime
{
    private const string Odd = "<i>tenure</i>";
    private StewardServerHost _server = null!;
    private string _auditorKey = "";
    private string _monitorId = "";

    private static string Csv(int rows, int seed, double shift)
    {
        var random = new Random(seed);
        var text = new StringBuilder($"age,city,\"{Odd}\"\n");
        string[] cities = ["Lyon", "Oslo", "Kyiv"];
        for (var i = 0; i < rows; i++)
            text.Append(CultureInfo.InvariantCulture, $"{40 + shift + (random.NextDouble() - 0.5) * 30:F2},{cities[random.Next(3)]},{random.Next(10) + shift:F0}\n");
        return text.ToString();
    }

    public async ValueTask InitializeAsync()
    {
        _server = await StewardServerHost.StartAsync();
        _auditorKey = await _server.CreateKeyAsync("auditor@example.com", "auditor");
        await _server.PostAsync("/api/v1/monitors", new { name = "never-fed", endpoint = "fraud-api" });
        _monitorId = (await _server.PostAsync("/api/v1/monitors", new { name = "credit <b>risk</b>", endpoint = "credit-api", drift_share = 0.5 }))["id"]!.GetValue<string>();
        using var client = _server.Client();
        async Task Send(HttpMethod method, string path, string csv)
        {
            using var request = new HttpRequestMessage(method, path) { Content = new StringContent(csv, Encoding.UTF8, "text/csv") };
            (await client.SendAsync(request)).EnsureSuccessStatusCode();
        }
        await Send(HttpMethod.Put, $"/api/v1/monitors/{_monitorId}/reference", Csv(400, 1, 0));
        await Send(HttpMethod.Post, $"/api/v1/monitors/{_monitorId}/batches", Csv(300, 1, 0));
        (await client.PostAsync($"/api/v1/monitors/{_monitorId}/runs", null)).EnsureSuccessStatusCode();
        await Send(HttpMethod.Post, $"/api/v1/monitors/{_monitorId}/batches", Csv(300, 2, 30));
        var run = await client.PostAsync($"/api/v1/monitors/{_monitorId}/runs", null);
        Assert.Equal("drift", JsonNode.Parse(await run.Content.ReadAsStringAsync())!["status"]!.GetValue<string>());
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public Task List_ShowsStatuses_AndAMonitorPageDrawsItsTrendAndReport() => fixture.RunAsync(async page =>
    {
        var csp = new List<string>();
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) csp.Add(message.Text); };
        await DashboardFixture.SignInAsync(page, _auditorKey, start: "/ui/monitors");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Monitors", Exact = true })).ToHaveAttributeAsync("aria-current", "page");
        var rows = page.Locator("table tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Filter(new() { HasText = "never-fed" }).Locator("td[data-label='Status']")).ToHaveTextAsync("no reference");
        var credit = rows.Filter(new() { HasText = "credit <b>risk</b>" });
        await Expect(credit.Locator("td[data-label='Status']")).ToHaveTextAsync("drift");
        await Expect(credit.Locator("td[data-label='Drifted share']")).ToHaveTextAsync(new Regex(@"^(0\.[5-9]\d*|1)$"));

        await credit.GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/ui/monitors/{_monitorId}$"));
        await Expect(page.Locator("h1")).ToContainTextAsync("credit <b>risk</b>");
        var trend = page.Locator("svg.drift-trend");
        await Expect(trend).ToBeVisibleAsync();
        await Expect(trend.Locator("circle")).ToHaveCountAsync(2);
        await Expect(trend.Locator("circle").Last.Locator("title")).ToContainTextAsync("window 2");
        await Expect(page.Locator("svg.drift-columns text").Filter(new() { HasText = Odd })).ToHaveCountAsync(1);

        var history = page.Locator("table").First.Locator("tbody tr");
        await Expect(history).ToHaveCountAsync(2);
        await Expect(history.First.Locator("td[data-label='Status']")).ToHaveTextAsync("drift");
        await Expect(history.First.Locator("td[data-label='Ledger']")).ToContainTextAsync("drift.detected");
        await Expect(page.Locator("h2").Filter(new() { HasText = "Report of window 2" })).ToBeVisibleAsync();
        var age = page.Locator("table").Nth(1).Locator("tbody tr").Filter(new() { HasText = "age" });
        await Expect(age.Locator("td[data-label='Drift']")).ToHaveTextAsync("drift");
        await Expect(page.Locator("table").Nth(1).Locator("tbody th").Filter(new() { HasText = Odd })).ToHaveCountAsync(1);

        await Screenshots.SaveAsync(page, "MonitorPage_Trend");
        await history.Last.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.Locator("h2").Filter(new() { HasText = "Report of window 1" })).ToContainTextAsync("no drift");
        var content = await page.ContentAsync();
        Assert.DoesNotContain("<b>risk", content, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>tenure", content, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", content, StringComparison.Ordinal);
        Assert.Empty(csp);

        await page.GotoAsync("/ui/monitors/no-such-monitor");
        await Expect(page.Locator("[role=alert]")).ToContainTextAsync("does not exist");
    }, _server);

    [Fact]
    public Task RunPage_LinksTheSelfContainedHtmlReport_WhichRendersUnderItsOwnCsp() => fixture.RunAsync(async page =>
    {
        var csp = new List<string>();
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) csp.Add(message.Text); };
        await DashboardFixture.SignInAsync(page, _auditorKey, start: $"/ui/monitors/{_monitorId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "HTML report" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/ui/monitors/{_monitorId}/runs/[0-9a-f-]+/report$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Drift report: credit <b>risk</b>");
        await Expect(page.Locator("#trend svg").First).ToBeVisibleAsync();
        var odd = page.Locator("details").Filter(new() { HasText = Odd });
        await odd.Locator("summary").ClickAsync();
        await Expect(odd.Locator("svg").First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "MonitorRun_HtmlReport");
        var content = await page.ContentAsync();
        Assert.DoesNotContain("<b>risk", content, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>tenure", content, StringComparison.Ordinal);
        Assert.Empty(csp);
    }, _server);
}
