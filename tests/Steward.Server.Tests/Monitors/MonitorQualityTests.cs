using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Steward.Server.Tests.Monitors;

/// <summary>Performance and fairness per window over real Kestrel: labelled rows of each batch accumulate with the window.</summary>
public sealed class MonitorQualityTests : IAsyncLifetime
{
    private StewardTestServer _server = null!;
    private HttpClient _contributor = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await StewardTestServer.StartAsync();
        _contributor = _server.Client(await _server.KeyAsync("carol@example.com", "contributor"));
    }

    public async ValueTask DisposeAsync()
    {
        _contributor.Dispose();
        await _server.DisposeAsync();
    }

    // age, city, prob (score of class 1), pred, approved; label empty on every fifth row (ground truth not arrived).
    private static (string Csv, int Labelled, int Correct, Dictionary<string, (int Rows, int Positive)> Groups) Data(int rows, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder("age,city,prob,pred,approved\n");
        string[] cities = ["Lyon", "Oslo", "Kyiv"];
        var (labelled, correct) = (0, 0);
        var groups = cities.ToDictionary(c => c, _ => (Rows: 0, Positive: 0));
        for (var i = 0; i < rows; i++)
        {
            var city = cities[random.Next(3)];
            var prob = random.NextDouble();
            var pred = prob > (city == "Kyiv" ? 0.7 : 0.4) ? 1 : 0;
            var truth = random.NextDouble() < prob ? 1 : 0;
            var hasLabel = i % 5 != 4;
            text.Append(CultureInfo.InvariantCulture, $"{30 + random.Next(40)},{city},{prob:F3},{pred},{(hasLabel ? truth.ToString(CultureInfo.InvariantCulture) : "")}\n");
            if (!hasLabel) continue;
            labelled++;
            if (pred == truth) correct++;
            groups[city] = (groups[city].Rows + 1, groups[city].Positive + pred);
        }
        return (text.ToString(), labelled, correct, groups);
    }

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    private async Task<string> CreateAsync(object definition)
    {
        var created = await _contributor.PostAsJsonAsync("/api/v1/monitors", definition);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await _contributor.PutAsync($"/api/v1/monitors/{id}/reference", Csv(Data(300, 1).Csv))).StatusCode);
        return id;
    }

    [Fact]
    public async Task LabelledRowsOfEveryBatch_GivePerformanceAndFairnessOfTheWindow()
    {
        var id = await CreateAsync(new
        {
            name = "credit-quality", endpoint = "credit-api", features = new[] { "age" }, prediction = "pred", label = "approved",
            prediction_score = "prob", sensitive = new[] { "city" }, privileged = new Dictionary<string, string> { ["city"] = "Oslo" }, min_rows = 30,
        });
        var (a, b) = (Data(200, 2), Data(150, 3));
        Assert.Equal(HttpStatusCode.OK, (await _contributor.PostAsync($"/api/v1/monitors/{id}/batches", Csv(a.Csv))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _contributor.PostAsync($"/api/v1/monitors/{id}/batches", Csv(b.Csv))).StatusCode);
        var run = (await (await _contributor.PostAsync($"/api/v1/monitors/{id}/runs", null)).Content.ReadFromJsonAsync<JsonObject>())!;
        var performance = run["report"]!["performance"]!;
        Assert.Equal("classification", performance["task"]!.GetValue<string>());
        Assert.Null(performance["reference"]);
        var current = performance["current"]!;
        Assert.Equal(a.Labelled + b.Labelled, current["rows"]!.GetValue<int>());
        Assert.Equal((double)(a.Correct + b.Correct) / (a.Labelled + b.Labelled), current["accuracy"]!.GetValue<double>(), 12);
        Assert.InRange(current["roc_auc"]!.GetValue<double>(), 0.5, 1);

        var fairness = run["report"]!["fairness"]!["city"]!;
        Assert.Equal("Oslo", fairness["privileged"]!.GetValue<string>());
        foreach (var city in new[] { "Lyon", "Oslo", "Kyiv" })
        {
            var (rows, positive) = (a.Groups[city].Rows + b.Groups[city].Rows, a.Groups[city].Positive + b.Groups[city].Positive);
            var group = fairness["current"]!["groups"]![city]!;
            Assert.Equal(rows, group["count"]!.GetValue<int>());
            Assert.Equal((double)positive / rows, group["selection_rate"]!.GetValue<double>(), 12);
        }
        Assert.NotNull(fairness["current"]!["privileged"]!["disparate_impact"]);

        // The window closed with the run: the next window's performance starts over.
        await _contributor.PostAsync($"/api/v1/monitors/{id}/batches", Csv(Data(60, 4).Csv));
        var next = (await (await _contributor.PostAsync($"/api/v1/monitors/{id}/runs", null)).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(Data(60, 4).Labelled, next["report"]!["performance"]!["current"]!["rows"]!.GetValue<int>());
    }

    [Fact]
    public async Task Regression_GivesErrors_AndANonNumericLabelIsAProblemNamingItsLine()
    {
        var id = await CreateAsync(new { name = "credit-regression", endpoint = "credit-api", features = new[] { "age" }, prediction = "prob", label = "approved", task = "regression" });
        await _contributor.PostAsync($"/api/v1/monitors/{id}/batches", Csv(Data(100, 5).Csv));
        var run = (await (await _contributor.PostAsync($"/api/v1/monitors/{id}/runs", null)).Content.ReadFromJsonAsync<JsonObject>())!;
        var performance = run["report"]!["performance"]!;
        Assert.Equal("regression", performance["task"]!.GetValue<string>());
        Assert.NotNull(performance["current"]!["mae"]);
        Assert.Null(run["report"]!["fairness"]);

        var bad = await _contributor.PostAsync($"/api/v1/monitors/{id}/batches", Csv("age,city,prob,pred,approved\n40,Oslo,0.5,1,1\n41,Oslo,0.5,1,yes\n"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("line 3", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACrossedPerformanceThreshold_RaisesDriftDetectedWithItsReason()
    {
        var id = await CreateAsync(new
        {
            name = "credit-threshold", endpoint = "credit-api", features = new[] { "age" }, prediction = "pred", label = "approved",
            performance_thresholds = new Dictionary<string, double> { ["accuracy"] = 0.99, ["recall"] = 0.01 },
        });
        // Rows like the reference's own: no column drifts, but accuracy is far below 0.99.
        await _contributor.PostAsync($"/api/v1/monitors/{id}/batches", Csv(Data(300, 1).Csv));
        var before = await _server.LedgerSizeAsync();
        var run = (await (await _contributor.PostAsync($"/api/v1/monitors/{id}/runs", null)).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.False(run["report"]!["dataset_drift"]!.GetValue<bool>());
        Assert.Equal("drift", run["status"]!.GetValue<string>());
        Assert.Equal(before + 1, await _server.LedgerSizeAsync());
        using var admin = _server.Client();
        var entry = (await admin.GetFromJsonAsync<JsonObject>("/api/v1/ledger/entries?type=drift.detected"))!["items"]!.AsArray()
            .Single(e => e!.ToJsonString().Contains(id, StringComparison.Ordinal))!.ToJsonString();
        Assert.Contains("performance_breaches", entry, StringComparison.Ordinal);
        Assert.Contains("accuracy 0.", entry, StringComparison.Ordinal);
        Assert.DoesNotContain("recall 0.", entry, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"name\":\"q7\",\"endpoint\":\"e\",\"prediction\":\"p\",\"label\":\"l\",\"performance_thresholds\":{\"mae\":1}}", "performance_thresholds.mae")]
    [InlineData("{\"name\":\"q8\",\"endpoint\":\"e\",\"prediction\":\"p\",\"performance_thresholds\":{\"accuracy\":0.9}}", "performance_thresholds")]
    [InlineData("{\"name\":\"q1\",\"endpoint\":\"e\",\"prediction\":\"p\",\"task\":\"classification\"}", "task")]
    [InlineData("{\"name\":\"q2\",\"endpoint\":\"e\",\"prediction\":\"p\",\"label\":\"l\",\"task\":\"ranking\"}", "task")]
    [InlineData("{\"name\":\"q3\",\"endpoint\":\"e\",\"prediction\":\"p\",\"label\":\"l\",\"prediction_score\":\"p\"}", "prediction_score")]
    [InlineData("{\"name\":\"q4\",\"endpoint\":\"e\",\"prediction\":\"p\",\"label\":\"l\",\"task\":\"regression\",\"positive_class\":\"1\"}", "positive_class")]
    [InlineData("{\"name\":\"q5\",\"endpoint\":\"e\",\"prediction\":\"p\",\"label\":\"l\",\"sensitive\":[\"g\"],\"privileged\":{\"h\":\"x\"}}", "privileged.h")]
    [InlineData("{\"name\":\"q6\",\"endpoint\":\"e\",\"prediction\":\"p\",\"label\":\"l\",\"positive_class\":\"\"}", "positive_class")]
    public async Task BadQualitySettings_AreValidationProblems(string body, string field)
    {
        var response = await _contributor.PostAsync("/api/v1/monitors", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.NotNull(problem["errors"]![field]);
    }
}
