using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Steward.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Steward.Browser.Tests.Monitors;

/// <summary>A classification monitor's performance trend, latest fairness and run performance on the dashboard, and the performance and fairness sections of its HTML report, in Chromium.</summary>
public sealed class MonitorQualityPagesTests(DashboardFixture fixture) : IAsyncLifetime
{
    private const string OddGroup = "<i>Kyiv</i>";
    private StewardServerHost _server = null!;
    private string _auditorKey = "";
    private string _monitorId = "";

    private static string Csv(int rows, int seed, double noise)
    {
        var random = new Random(seed);
        var text = new StringBuilder("age,city,prob,pred,approved\n");
        string[] cities = ["Lyon", "Oslo", OddGroup];
        for (var i = 0; i < rows; i++)
        {
            var prob = random.NextDouble();
            var pred = prob > 0.5 ? 1 : 0;
            var truth = random.NextDouble() < noise ? 1 - pred : pred;
            text.Append(CultureInfo.InvariantCulture, $"{30 + random.Next(40)},{cities[random.Next(3)]},{prob:F3},{pred},{truth}\n");
        }
        return text.ToString();
    }

    public async ValueTask InitializeAsync()
    {
        _server = await StewardServerHost.StartAsync();
        _auditorKey = await _server.CreateKeyAsync("auditor@example.com", "auditor");
        _monitorId = (await _server.PostAsync("/api/v1/monitors", new
        {
            name = "credit quality", endpoint = "credit-api", features = new[] { "age" }, prediction = "pred", label = "approved", prediction_score = "prob",
            sensitive = new[] { "city" }, privileged = new Dictionary<string, string> { ["city"] = "Lyon" },
            performance_thresholds = new Dictionary<string, double> { ["accuracy"] = 0.8 },
        }))["id"]!.GetValue<string>();
        using var client = _server.Client();
        async Task Send(HttpMethod method, string path, string csv)
        {
            using var request = new HttpRequestMessage(method, path) { Content = new StringContent(csv, Encoding.UTF8, "text/csv") };
            (await client.SendAsync(request)).EnsureSuccessStatusCode();
        }
        await Send(HttpMethod.Put, $"/api/v1/monitors/{_monitorId}/reference", Csv(300, 1, 0.1));
        await Send(HttpMethod.Post, $"/api/v1/monitors/{_monitorId}/batches", Csv(200, 2, 0.05));
        (await client.PostAsync($"/api/v1/monitors/{_monitorId}/runs", null)).EnsureSuccessStatusCode();
        await Send(HttpMethod.Post, $"/api/v1/monitors/{_monitorId}/batches", Csv(200, 3, 0.4));
        (await client.PostAsync($"/api/v1/monitors/{_monitorId}/runs", null)).EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public Task MonitorPage_DrawsThePerformanceTrendAndFairness_AndTheHtmlReportItsSections() => fixture.RunAsync(async page =>
    {
        var csp = new List<string>();
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) csp.Add(message.Text); };
        await DashboardFixture.SignInAsync(page, _auditorKey, start: $"/ui/monitors/{_monitorId}");

        var trend = page.Locator("svg.performance-trend").First;
        await Expect(trend).ToBeVisibleAsync();
        await Expect(trend.Locator("circle")).ToHaveCountAsync(2);
        await Expect(trend.Locator("circle").Last).ToHaveAttributeAsync("fill", "#b3261e");   // the noisy window is below 0.8
        await Expect(page.Locator("h2").Filter(new() { HasText = "Latest fairness" })).ToBeVisibleAsync();
        await Expect(page.Locator("section.fairness").First).ToContainTextAsync("disparate impact (unprivileged ÷ Lyon)");
        await Expect(page.Locator("section.fairness").Last.Locator("tbody th").Filter(new() { HasText = OddGroup })).ToHaveCountAsync(1);
        var metrics = page.Locator("#performance table").First.Locator("tbody tr");
        await Expect(metrics.Filter(new() { HasText = "accuracy" }).Locator("td[data-label='Threshold']")).ToContainTextAsync("crossed");
        await Expect(metrics.Filter(new() { HasText = "roc_auc" })).ToHaveCountAsync(1);
        await Screenshots.SaveAsync(page, "MonitorPage_PerformanceFairness");

        await page.GetByRole(AriaRole.Link, new() { Name = "HTML report" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/ui/monitors/{_monitorId}/runs/[0-9a-f-]+/report$"));
        await Expect(page.Locator("#performance table tr").Filter(new() { HasText = "accuracy" })).ToHaveCountAsync(1);
        await Expect(page.Locator("#performance svg")).ToBeVisibleAsync();
        await Expect(page.Locator("#fairness h3")).ToHaveTextAsync("city");
        await Expect(page.Locator("#fairness td").Filter(new() { HasText = OddGroup })).ToHaveCountAsync(1);
        await Expect(page.Locator("#fairness .verdict")).ToContainTextAsync("Four-fifths rule");
        await Expect(page.Locator("#trend svg")).ToHaveCountAsync(2);   // share of drifted columns, and accuracy per run
        await Screenshots.SaveAsync(page, "MonitorRun_HtmlReport_PerformanceFairness");
        Assert.DoesNotContain("<i>Kyiv", await page.ContentAsync(), StringComparison.Ordinal);
        Assert.Empty(csp);
    }, _server);
}
