using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Steward.Server.Tests.Monitors;

/// <summary>
/// A run's performance and fairness in its HTML report (read back from the stored JSON) and on the dashboard's monitor
/// and run pages, over real Kestrel: classification, regression, and a monitor without model columns.
/// </summary>
public sealed class MonitorRunQualityViewTests : IAsyncLifetime
{
    private const string HostileCity = "<script>alert('c')</script>";
    private StewardTestServer _server = null!;
    private HttpClient _contributor = null!;
    private HttpClient _auditor = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await StewardTestServer.StartAsync();
        _contributor = _server.Client(await _server.KeyAsync("carol@example.com", "contributor"));
        _auditor = _server.Client(await _server.KeyAsync("dave@example.com", "auditor"));
    }

    public async ValueTask DisposeAsync()
    {
        _contributor.Dispose();
        _auditor.Dispose();
        await _server.DisposeAsync();
    }

    // age, city (one hostile name), prob (score of class 1), pred, approved.
    internal static string Data(int rows, int seed, double noise = 0.1)
    {
        var random = new Random(seed);
        var text = new StringBuilder("age,city,prob,pred,approved\n");
        string[] cities = ["Lyon", "Oslo", HostileCity];
        for (var i = 0; i < rows; i++)
        {
            var prob = random.NextDouble();
            var pred = prob > 0.5 ? 1 : 0;
            var truth = random.NextDouble() < noise ? 1 - pred : pred;
            text.Append(CultureInfo.InvariantCulture, $"{30 + random.Next(40)},\"{cities[random.Next(3)].Replace("\"", "\"\"", StringComparison.Ordinal)}\",{prob:F3},{pred},{truth}\n");
        }
        return text.ToString();
    }

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    private async Task<string> CreateAsync(object definition)
    {
        var created = await _contributor.PostAsJsonAsync("/api/v1/monitors", definition);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await _contributor.PutAsync($"/api/v1/monitors/{id}/reference", Csv(Data(300, 1)))).StatusCode);
        return id;
    }

    private async Task<string> RunAsync(string id, string batch)
    {
        Assert.Equal(HttpStatusCode.OK, (await _contributor.PostAsync($"/api/v1/monitors/{id}/batches", Csv(batch))).StatusCode);
        var run = await _contributor.PostAsync($"/api/v1/monitors/{id}/runs", null);
        Assert.Equal(HttpStatusCode.Created, run.StatusCode);
        return (await run.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    [Fact]
    public async Task Classification_ShowsPerformanceAndFairness_InTheHtmlReportAndOnTheDashboard()
    {
        var id = await CreateAsync(new
        {
            name = "quality-classification", endpoint = "credit-api", features = new[] { "age" }, prediction = "pred", label = "approved",
            prediction_score = "prob", sensitive = new[] { "city" }, privileged = new Dictionary<string, string> { ["city"] = "Lyon" },
            performance_thresholds = new Dictionary<string, double> { ["accuracy"] = 0.8 },
        });
        await RunAsync(id, Data(200, 2, noise: 0.05));
        var second = await RunAsync(id, Data(200, 3, noise: 0.4));

        var html = await _auditor.GetStringAsync($"/api/v1/monitors/{id}/runs/{second}?format=html");
        Assert.Contains("<section id=\"performance\">", html, StringComparison.Ordinal);
        Assert.Contains("<td>roc_auc</td>", html, StringComparison.Ordinal);
        Assert.Contains("<section id=\"fairness\">", html, StringComparison.Ordinal);
        Assert.Contains("Four-fifths rule", html, StringComparison.Ordinal);
        Assert.Contains("accuracy on the current data per report", html, StringComparison.Ordinal);   // the trend reads earlier runs' performance
        Assert.Contains("&lt;script&gt;alert(", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);

        var page = await _auditor.GetStringAsync($"/ui/monitors/{id}");
        Assert.Contains("Performance trend", page, StringComparison.Ordinal);
        Assert.Contains("class=\"performance-trend\"", page, StringComparison.Ordinal);
        Assert.Contains("threshold: at least 0.8", page, StringComparison.Ordinal);
        Assert.Contains("Latest fairness", page, StringComparison.Ordinal);
        Assert.Contains("four-fifths rule", page, StringComparison.Ordinal);
        Assert.Contains("<section id=\"performance\">", page, StringComparison.Ordinal);
        Assert.Contains("crossed", page, StringComparison.Ordinal);   // the noisy window's accuracy is below 0.8
        Assert.Contains("&lt;script&gt;alert(", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Regression_ShowsErrors_AndNoFairness()
    {
        var id = await CreateAsync(new
        {
            name = "quality-regression", endpoint = "credit-api", features = new[] { "age" }, prediction = "prob", label = "approved", task = "regression",
            performance_thresholds = new Dictionary<string, double> { ["rmse"] = 0.9 },
        });
        var run = await RunAsync(id, Data(100, 5));
        var html = await _auditor.GetStringAsync($"/api/v1/monitors/{id}/runs/{run}?format=html");
        Assert.Contains("<section id=\"performance\">", html, StringComparison.Ordinal);
        Assert.Contains("<td>rmse</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"fairness\"", html, StringComparison.Ordinal);

        var page = await _auditor.GetStringAsync($"/ui/monitors/{id}/runs/{run}");
        Assert.Contains("threshold: at most 0.9", page, StringComparison.Ordinal);
        Assert.Contains(">mae</th>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Latest fairness", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutModelColumns_NeitherSectionIsDrawn()
    {
        var id = await CreateAsync(new { name = "quality-none", endpoint = "credit-api", features = new[] { "age", "prob" } });
        var run = await RunAsync(id, Data(100, 6));
        var html = await _auditor.GetStringAsync($"/api/v1/monitors/{id}/runs/{run}?format=html");
        Assert.DoesNotContain("id=\"performance\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"fairness\"", html, StringComparison.Ordinal);
        var page = await _auditor.GetStringAsync($"/ui/monitors/{id}");
        Assert.DoesNotContain("Performance trend", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"performance\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Fairness", page, StringComparison.Ordinal);
    }
}
