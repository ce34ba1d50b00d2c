using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Steward.Server.Tests.Monitors;

/// <summary>Late labels over real Kestrel: the join by row id, revisions of closed runs' reports, events, bad input, the bound, concurrency.</summary>
public class MonitorLabelsApiTests : IAsyncLifetime
{
    private StewardTestServer _server = null!;
    private HttpClient _contributor = null!;
    private HttpClient _auditor = null!;

    /// <summary>The server's settings (SQLite by default; the PostgreSQL subclass overrides).</summary>
    protected virtual Task<Dictionary<string, string?>?> SettingsAsync() => Task.FromResult<Dictionary<string, string?>?>(null);

    public async ValueTask InitializeAsync()
    {
        _server = await StewardTestServer.StartAsync(await SettingsAsync());
        _contributor = _server.Client(await _server.KeyAsync("carol@example.com", "contributor"));
        _auditor = _server.Client(await _server.KeyAsync("dave@example.com", "auditor"));
    }

    public async ValueTask DisposeAsync()
    {
        _contributor.Dispose();
        _auditor.Dispose();
        await _server.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    private async Task<string> CreateAsync(string name, object? extra = null, HttpClient? client = null)
    {
        client ??= _contributor;
        var definition = new JsonObject
        {
            ["name"] = name, ["endpoint"] = "credit-api", ["features"] = new JsonArray("age"), ["prediction"] = "pred", ["label"] = "approved",
            ["prediction_score"] = "prob", ["sensitive"] = new JsonArray("city"), ["id_column"] = "txn", ["min_rows"] = 30,
        };
        if (extra is not null)
            foreach (var (k, v) in JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(extra))!.AsObject()) definition[k] = v?.DeepClone();
        var created = await client.PostAsync("/api/v1/monitors", StewardTestServer.Json(definition.ToJsonString()));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync($"/api/v1/monitors/{id}/reference", Csv(LabelData.Reference(300, 1)))).StatusCode);
        return id;
    }

    private async Task<JsonObject> PostAsync(string path, string csv, HttpClient? client = null)
    {
        var response = await (client ?? _contributor).PostAsync(path, Csv(csv));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private async Task<JsonObject> RunAsync(string id) =>
        (await (await _contributor.PostAsync($"/api/v1/monitors/{id}/runs", null)).Content.ReadFromJsonAsync<JsonObject>())!;

    [Fact]
    public async Task LateLabels_JoinTheirPredictionsWindow_AndReviseAClosedRunsReportAsANewLedgerEntry()
    {
        var id = await CreateAsync("late-credit");
        var data = new LabelData(200, 2, "a");
        var batch = await PostAsync($"/api/v1/monitors/{id}/batches", data.Batch);
        Assert.Equal(200, batch["labels"]!["awaiting_labels"]!.GetValue<int>());
        Assert.Equal(200, batch["labels"]!["pending"]!.GetValue<int>());
        Assert.Empty(batch["ignored_columns"]!.AsArray()); // the id column is not in the reference, and not "ignored"

        // Labels for half the rows while the window is open: its run includes them.
        var open = await PostAsync($"/api/v1/monitors/{id}/labels", data.Labels(0, 100));
        Assert.Equal((100, 0, 100), (open["matched"]!.GetValue<int>(), open["unknown"]!.GetValue<int>(), open["pending"]!.GetValue<int>()));
        Assert.Equal("open", open["windows"]![0]!["status"]!.GetValue<string>());
        Assert.Null(open["ledger_index"]);
        var run = await RunAsync(id);
        var runId = run["id"]!.GetValue<string>();
        Assert.Equal(100, run["report"]!["performance"]!["current"]!["rows"]!.GetValue<int>());
        Assert.Equal(data.Accuracy(0, 100), run["report"]!["performance"]!["current"]!["accuracy"]!.GetValue<double>(), 12);

        // The rest after the run, with three unknown ids and a second label for a0: the run's report gets revision 1.
        var before = await _server.LedgerSizeAsync();
        var late = await PostAsync($"/api/v1/monitors/{id}/labels", data.Labels(100, 200, "zz1,1\nzz2,0\nzz3,1\na0,1\n"));
        Assert.Equal((100, 3, 1, 0), (late["matched"]!.GetValue<int>(), late["unknown"]!.GetValue<int>(), late["duplicates"]!.GetValue<int>(), late["pending"]!.GetValue<int>()));
        var window = late["windows"]![0]!;
        Assert.Equal(("closed", runId, 1), (window["status"]!.GetValue<string>(), window["run_id"]!.GetValue<string>(), window["revision"]!.GetValue<int>()));
        Assert.Equal(before + 1, await _server.LedgerSizeAsync());

        var revised = (await _contributor.GetFromJsonAsync<JsonObject>($"/api/v1/monitors/{id}/runs/{runId}"))!;
        Assert.Equal(1, revised["revision"]!.GetValue<int>());
        Assert.Equal(window["report_sha256"]!.GetValue<string>(), revised["report_sha256"]!.GetValue<string>());
        Assert.NotEqual(run["report_sha256"]!.GetValue<string>(), revised["report_sha256"]!.GetValue<string>());
        var report = revised["report"]!;
        Assert.Equal(200, report["performance"]!["current"]!["rows"]!.GetValue<int>());
        Assert.Equal(data.Accuracy(0, 200), report["performance"]!["current"]!["accuracy"]!.GetValue<double>(), 12);
        Assert.Equal(200, report["fairness"]!["city"]!["current"]!["groups"]!.AsObject().Sum(g => g.Value!["count"]!.GetValue<int>()));
        Assert.Equal((100, 0), (report["labels"]!["labels_matched"]!.GetValue<int>(), report["labels"]!["labels_pending"]!.GetValue<int>()));
        Assert.Equal(run["report_sha256"]!.GetValue<string>(), report["labels"]!["run_report_sha256"]!.GetValue<string>());
        Assert.Equal(run["report"]!["share_of_drifted_columns"]!.GetValue<double>(), report["share_of_drifted_columns"]!.GetValue<double>());
        using var admin = _server.Client();
        var entry = (await admin.GetFromJsonAsync<JsonObject>("/api/v1/ledger/entries?type=monitor.labels_applied"))!["items"]!.AsArray().Single()!.ToJsonString();
        Assert.Contains(window["report_sha256"]!.GetValue<string>(), entry, StringComparison.Ordinal);

        // Idempotent: the same file again changes nothing (every label is a duplicate) and writes no entry.
        var again = await PostAsync($"/api/v1/monitors/{id}/labels", data.Labels(100, 200));
        Assert.Equal((0, 100), (again["matched"]!.GetValue<int>(), again["duplicates"]!.GetValue<int>()));
        Assert.Equal(before + 1, await _server.LedgerSizeAsync());
        Assert.Equal(1, (await _contributor.GetFromJsonAsync<JsonObject>($"/api/v1/monitors/{id}/runs/{runId}"))!["revision"]!.GetValue<int>());
        var counts = (await _auditor.GetFromJsonAsync<JsonObject>($"/api/v1/monitors/{id}/labels"))!;
        Assert.Equal((0, 200, 3, 101), (counts["pending"]!.GetValue<int>(), counts["matched"]!.GetValue<int>(), counts["unknown_labels"]!.GetValue<int>(), counts["duplicate_labels"]!.GetValue<int>()));
    }

    [Fact]
    public async Task LateLabelsCrossingAThreshold_RaisePerformanceDegradedOncePerWindow()
    {
        var id = await CreateAsync("late-threshold", new { performance_thresholds = new Dictionary<string, double> { ["accuracy"] = 0.99 } });
        var data = new LabelData(120, 3, "t");
        await PostAsync($"/api/v1/monitors/{id}/batches", data.Batch);
        var run = await RunAsync(id);
        Assert.Null(run["report"]!["performance"]); // no label yet: nothing to measure, nothing crossed
        var first = await PostAsync($"/api/v1/monitors/{id}/labels", data.Labels(0, 60));
        Assert.True(first["windows"]![0]!["degraded"]!.GetValue<bool>());
        Assert.StartsWith("accuracy 0.", first["windows"]![0]!["performance_breaches"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        var second = await PostAsync($"/api/v1/monitors/{id}/labels", data.Labels(60, 120));
        Assert.False(second["windows"]![0]!["degraded"]!.GetValue<bool>());
        Assert.Equal(2, second["windows"]![0]!["revision"]!.GetValue<int>());
        using var admin = _server.Client();
        var degraded = (await admin.GetFromJsonAsync<JsonObject>("/api/v1/ledger/entries?type=performance.degraded"))!["items"]!.AsArray()
            .Where(e => e!.ToJsonString().Contains(id, StringComparison.Ordinal)).ToList();
        Assert.Single(degraded);
        Assert.Equal(first["ledger_index"]!.GetValue<long>(), degraded[0]!["index"]!.GetValue<long>());
    }

    [Fact]
    public async Task BadLabels_AreProblemsNamingLineAndColumn_AndNothingIsWritten()
    {
        var id = await CreateAsync("late-bad");
        var data = new LabelData(40, 4, "b");
        await PostAsync($"/api/v1/monitors/{id}/batches", data.Batch);
        async Task<string> Problem(HttpContent content, int status, HttpClient? client = null)
        {
            var problem = await StewardTestServer.ProblemAsync(await (client ?? _contributor).PostAsync($"/api/v1/monitors/{id}/labels", content));
            Assert.Equal(status, problem["status"]!.GetValue<int>());
            return problem["errors"]?["body"]?[0]?.GetValue<string>() ?? problem["detail"]!.GetValue<string>();
        }
        Assert.Contains("has no column 'txn'", await Problem(Csv("id,approved\nb1,1\n"), 400), StringComparison.Ordinal);
        Assert.Contains("has no column 'approved'", await Problem(Csv("txn,label\nb1,1\n"), 400), StringComparison.Ordinal);
        Assert.Contains("line 3, column 'approved': has no label", await Problem(Csv("txn,approved\nb1,1\nb2,\n"), 400), StringComparison.Ordinal);
        Assert.Contains("line 2, column 'txn': has no row id", await Problem(Csv("txn,approved\n,1\n"), 400), StringComparison.Ordinal);
        Assert.Contains("line 3: 3 fields where the header has 2", await Problem(Csv("txn,approved\nb1,1\nb2,1,x\n"), 400), StringComparison.Ordinal);
        Assert.Contains("line 2 is not valid JSON", await Problem(new StringContent("{\"txn\":\"b1\",\"approved\":1}\n{\"txn\":", Encoding.UTF8, "application/x-ndjson"), 400), StringComparison.Ordinal);
        Assert.Contains("line 2, column 'txn'", await Problem(new StringContent("{\"txn\":\"b1\",\"approved\":1}\n{\"approved\":0}\n", Encoding.UTF8, "application/x-ndjson"), 400), StringComparison.Ordinal);
        Assert.Contains("no data rows", await Problem(Csv("txn,approved\n"), 400), StringComparison.Ordinal);
        await Problem(new StringContent("{}", Encoding.UTF8, "application/json"), 415);
        Assert.Equal(HttpStatusCode.Forbidden, (await _auditor.PostAsync($"/api/v1/monitors/{id}/labels", Csv(data.Labels(0, 5)))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _server.Client(null).PostAsync($"/api/v1/monitors/{id}/labels", Csv(data.Labels(0, 5)))).StatusCode);
        Assert.Equal(404, (await StewardTestServer.ProblemAsync(await _contributor.PostAsync("/api/v1/monitors/nope/labels", Csv(data.Labels(0, 5)))))["status"]!.GetValue<int>());

        // Nothing of the failed posts was written: every prediction still waits.
        var counts = (await _contributor.GetFromJsonAsync<JsonObject>($"/api/v1/monitors/{id}/labels"))!;
        Assert.Equal((40, 0), (counts["pending"]!.GetValue<int>(), counts["matched"]!.GetValue<int>()));

        // A monitor without id_column takes no labels; the settings are validated.
        var plain = await _contributor.PostAsJsonAsync("/api/v1/monitors", MonitorData.Definition("no-ids"));
        var plainId = (await plain.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        Assert.Equal(409, (await StewardTestServer.ProblemAsync(await _contributor.PostAsync($"/api/v1/monitors/{plainId}/labels", Csv("txn,approved\nx,1\n"))))["status"]!.GetValue<int>());
        foreach (var (body, field) in new[]
        {
            ("{\"name\":\"l1\",\"endpoint\":\"e\",\"prediction\":\"p\",\"id_column\":\"txn\"}", "id_column"),
            ("{\"name\":\"l2\",\"endpoint\":\"e\",\"prediction\":\"p\",\"label\":\"l\",\"label_ttl\":\"P1D\"}", "label_ttl"),
            ("{\"name\":\"l3\",\"endpoint\":\"e\",\"prediction\":\"p\",\"label\":\"l\",\"id_column\":\"txn\",\"max_pending_labels\":0}", "max_pending_labels"),
            ("{\"name\":\"l4\",\"endpoint\":\"e\",\"prediction\":\"p\",\"label\":\"l\",\"id_column\":\"p\"}", "id_column"),
            ("{\"name\":\"l5\",\"endpoint\":\"e\",\"prediction\":\"p\",\"label\":\"l\",\"id_column\":\"txn\",\"label_ttl\":\"P1M\"}", "label_ttl"),
        })
        {
            var problem = await StewardTestServer.ProblemAsync(await _contributor.PostAsync("/api/v1/monitors", StewardTestServer.Json(body)));
            Assert.Equal(400, problem["status"]!.GetValue<int>());
            Assert.NotNull(problem["errors"]![field]);
        }
    }

    [Fact]
    public async Task RegressionLabels_MustBeNumbers()
    {
        var id = await CreateAsync("late-regression", new { task = "regression", prediction_score = (string?)null, sensitive = Array.Empty<string>(), min_rows = 1 });
        await PostAsync($"/api/v1/monitors/{id}/batches", "txn,age,city,prob,pred,approved\nr1,40,Oslo,0.5,2.5,\nr2,41,Oslo,0.5,3.5,\n");
        var problem = await StewardTestServer.ProblemAsync(await _contributor.PostAsync($"/api/v1/monitors/{id}/labels", Csv("txn,approved\nr1,2\nr2,high\n")));
        Assert.Contains("line 3, column 'approved': 'high' is not a finite number", problem["errors"]!["body"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        var ok = await PostAsync($"/api/v1/monitors/{id}/labels", "txn,approved\nr1,2\nr2,4\n");
        Assert.Equal(2, ok["matched"]!.GetValue<int>());
        var run = await RunAsync(id);
        Assert.Equal(0.5, run["report"]!["performance"]!["current"]!["mae"]!.GetValue<double>(), 12);
    }

    [Fact]
    public async Task PendingPredictions_AreBounded_TheOldestDroppedAndCounted()
    {
        var id = await CreateAsync("late-bounded", new { max_pending_labels = 50 });
        var data = new LabelData(80, 5, "c");
        var batch = await PostAsync($"/api/v1/monitors/{id}/batches", data.Batch);
        Assert.Equal((80, 30, 50), (batch["labels"]!["awaiting_labels"]!.GetValue<int>(), batch["labels"]!["dropped"]!.GetValue<int>(), batch["labels"]!["pending"]!.GetValue<int>()));
        var labels = await PostAsync($"/api/v1/monitors/{id}/labels", data.Labels(0, 80));
        Assert.Equal((50, 30, 0), (labels["matched"]!.GetValue<int>(), labels["dropped"]!.GetValue<int>(), labels["pending"]!.GetValue<int>()));
        var counts = (await _contributor.GetFromJsonAsync<JsonObject>($"/api/v1/monitors/{id}/labels"))!;
        Assert.Equal((30, 50), (counts["dropped"]!.GetValue<int>(), counts["matched"]!.GetValue<int>()));
    }

    [Fact]
    public async Task OversizedLabels_Are413()
    {
        await using var server = await StewardTestServer.StartAsync(new Dictionary<string, string?> { ["Monitors:MaxBatchBytes"] = "2048" });
        using var client = server.Client();
        var id = await CreateAsync("late-small", null, client);
        var problem = await StewardTestServer.ProblemAsync(await client.PostAsync($"/api/v1/monitors/{id}/labels", Csv(new LabelData(500, 6, "d").Labels(0, 500))));
        Assert.Equal(413, problem["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task LabelsAndARunAtOnce_CountEveryLabelExactlyOnce()
    {
        for (var round = 0; round < 6; round++)
        {
            var id = await CreateAsync($"late-race-{round}");
            var data = new LabelData(150, 10 + round, "r");
            await PostAsync($"/api/v1/monitors/{id}/batches", data.Batch);
            var labels = _contributor.PostAsync($"/api/v1/monitors/{id}/labels", Csv(data.Labels(0, 150)));
            var run = _contributor.PostAsync($"/api/v1/monitors/{id}/runs", null);
            Assert.Equal(HttpStatusCode.OK, (await labels).StatusCode);
            var ran = await run;
            Assert.True(ran.StatusCode == HttpStatusCode.Created, await ran.Content.ReadAsStringAsync());
            var runId = (await ran.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
            var latest = (await _contributor.GetFromJsonAsync<JsonObject>($"/api/v1/monitors/{id}/runs/{runId}"))!;
            Assert.Equal(150, latest["report"]!["performance"]!["current"]!["rows"]!.GetValue<int>());
            Assert.Equal(data.Accuracy(0, 150), latest["report"]!["performance"]!["current"]!["accuracy"]!.GetValue<double>(), 12);
        }
    }
}
