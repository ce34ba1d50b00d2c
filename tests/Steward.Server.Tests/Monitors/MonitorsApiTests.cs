using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Steward.Server.Tests.Monitors;

/// <summary>The monitors API over real Kestrel: roles, bad input as problem details, ingest, runs and drift.detected in the ledger.</summary>
public sealed class MonitorsApiTests : IAsyncLifetime
{
    private StewardTestServer _server = null!;
    private HttpClient _contributor = null!;
    private HttpClient _service = null!;
    private HttpClient _auditor = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await StewardTestServer.StartAsync();
        _contributor = _server.Client(await _server.KeyAsync("carol@example.com", "contributor"));
        _service = _server.Client(await _server.KeyAsync("feeder", "service"));
        _auditor = _server.Client(await _server.KeyAsync("dave@example.com", "auditor"));
    }

    public async ValueTask DisposeAsync()
    {
        _contributor.Dispose();
        _service.Dispose();
        _auditor.Dispose();
        await _server.DisposeAsync();
    }

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    private static StringContent Jsonl(string text) => new(text, Encoding.UTF8, "application/x-ndjson");

    private async Task<string> CreateWithReferenceAsync(string name)
    {
        var created = await _contributor.PostAsJsonAsync("/api/v1/monitors", MonitorData.Definition(name));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var reference = await _contributor.PutAsync($"/api/v1/monitors/{id}/reference", Csv(MonitorData.Csv(400, seed: 1)));
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
        var monitor = (await reference.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("pending", monitor["status"]!.GetValue<string>());
        Assert.Equal("num", monitor["reference"]!["columns"]!["age"]!.GetValue<string>());
        Assert.Equal("cat", monitor["reference"]!["columns"]!["city"]!.GetValue<string>());
        return id;
    }

    [Fact]
    public async Task IngestThenRun_RecordsDriftDetectedOnceInTheLedger()
    {
        var id = await CreateWithReferenceAsync("credit-drift");
        var batch = await _service.PostAsync($"/api/v1/monitors/{id}/batches", Csv(MonitorData.Csv(150, seed: 2, ageShift: 25, header: "age,city,score,approved,extra")
            .Replace("\n", ",x\n", StringComparison.Ordinal).Replace("extra,x", "extra", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.OK, batch.StatusCode);
        var receipt = (await batch.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(150, receipt["rows"]!.GetValue<int>());
        Assert.Equal("extra", receipt["ignored_columns"]![0]!.GetValue<string>());
        var second = await _service.PostAsync($"/api/v1/monitors/{id}/batches", Jsonl(MonitorData.Jsonl(100, seed: 3, ageShift: 25)));
        var window = (await second.Content.ReadFromJsonAsync<JsonObject>())!["window"]!;
        Assert.Equal((250, 2), (window["rows"]!.GetValue<int>(), window["batches"]!.GetValue<int>()));

        var before = await _server.LedgerSizeAsync();
        var run = await _contributor.PostAsync($"/api/v1/monitors/{id}/runs", null);
        Assert.Equal(HttpStatusCode.Created, run.StatusCode);
        var recorded = (await run.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("drift", recorded["status"]!.GetValue<string>());
        Assert.Equal("age", recorded["top_columns"]![0]!.GetValue<string>());
        Assert.True(recorded["report"]!["columns"]!["age"]!["drift_detected"]!.GetValue<bool>());
        Assert.Equal(before + 1, await _server.LedgerSizeAsync());

        using var admin = _server.Client();
        var entries = (await admin.GetFromJsonAsync<JsonObject>($"/api/v1/ledger/entries?type=drift.detected"))!["items"]!.AsArray();
        var entry = Assert.Single(entries)!;
        var text = entry.ToJsonString();
        foreach (var part in new[] { id, "credit-api", recorded["report_sha256"]!.GetValue<string>(), "share_of_drifted_columns", "top_drifted_columns" })
            Assert.Contains(part, text, StringComparison.Ordinal);

        // The window closed: a second run sees an empty window, reports insufficient data and writes no ledger entry.
        var empty = (await (await _contributor.PostAsync($"/api/v1/monitors/{id}/runs", null)).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(("insufficient_data", 2), (empty["status"]!.GetValue<string>(), empty["window_seq"]!.GetValue<int>()));
        Assert.Equal(before + 1, await _server.LedgerSizeAsync());

        var runs = (await _auditor.GetFromJsonAsync<JsonObject>($"/api/v1/monitors/{id}/runs"))!["items"]!.AsArray();
        Assert.Equal([2, 1], runs.Select(r => r!["window_seq"]!.GetValue<int>()));
        Assert.Null(runs[0]!["report"]);
        var one = (await _auditor.GetFromJsonAsync<JsonObject>($"/api/v1/monitors/{id}/runs/{recorded["id"]}"))!;
        Assert.Equal(recorded["report_sha256"]!.GetValue<string>(), one["report_sha256"]!.GetValue<string>());
        var monitor = (await _auditor.GetFromJsonAsync<JsonObject>($"/api/v1/monitors/{id}"))!;
        Assert.Equal(("insufficient_data", 3), (monitor["status"]!.GetValue<string>(), monitor["current_window"]!["seq"]!.GetValue<int>()));
    }

    [Fact]
    public async Task UndriftedWindow_IsNoDrift_WithoutALedgerEntry()
    {
        var id = await CreateWithReferenceAsync("credit-quiet");
        // Rows drawn like the reference's own (the same seed): no test can call that drift.
        await _service.PostAsync($"/api/v1/monitors/{id}/batches", Csv(MonitorData.Csv(300, seed: 1)));
        var before = await _server.LedgerSizeAsync();
        var run = (await (await _contributor.PostAsync($"/api/v1/monitors/{id}/runs", null)).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(run["status"]!.GetValue<string>() == "no_drift", run.ToJsonString());
        Assert.Null(run["ledger_index"]);
        Assert.Equal(before, await _server.LedgerSizeAsync());
    }

    [Fact]
    public async Task ReadmeWalkthroughData_Drifts_AndFewerRowsThanMinRowsIsInsufficientData()
    {
        var created = await _contributor.PostAsJsonAsync("/api/v1/monitors", new { name = "segments", endpoint = "credit-api", min_rows = 5 });
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        await _contributor.PutAsync($"/api/v1/monitors/{id}/reference", Csv("age,segment\n31,a\n45,b\n38,a\n52,b\n29,a\n41,b\n"));
        await _service.PostAsync($"/api/v1/monitors/{id}/batches", Csv("age,segment\n67,c\n71,c\n69,c\n75,c\n80,c\n73,c\n"));
        var run = (await (await _contributor.PostAsync($"/api/v1/monitors/{id}/runs", null)).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(("drift", 1.0), (run["status"]!.GetValue<string>(), run["share_of_drifted_columns"]!.GetValue<double>()));

        await _service.PostAsync($"/api/v1/monitors/{id}/batches", Csv("age,segment\n67,c\n71,c\n69,c\n75,c\n"));
        var tiny = (await (await _contributor.PostAsync($"/api/v1/monitors/{id}/runs", null)).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(("insufficient_data", 4), (tiny["status"]!.GetValue<string>(), tiny["rows"]!.GetValue<int>()));
        Assert.Equal("insufficient data", tiny["report"]!["note"]!.GetValue<string>());
    }

    [Fact]
    public async Task Roles_AreEnforced()
    {
        using var anonymous = _server.Client(key: null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/monitors")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _auditor.PostAsJsonAsync("/api/v1/monitors", MonitorData.Definition("x"))).StatusCode);
        var id = await CreateWithReferenceAsync("credit-roles");
        Assert.Equal(HttpStatusCode.Forbidden, (await _auditor.PostAsync($"/api/v1/monitors/{id}/batches", Csv(MonitorData.Csv(5, 1)))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _auditor.PostAsync($"/api/v1/monitors/{id}/runs", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _service.DeleteAsync($"/api/v1/monitors/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _auditor.GetAsync($"/api/v1/monitors/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _contributor.DeleteAsync($"/api/v1/monitors/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _auditor.GetAsync($"/api/v1/monitors/{id}")).StatusCode);
    }

    [Fact]
    public async Task BadInput_IsAProblemNamingWhatIsWrong()
    {
        var bad = await _contributor.PostAsync("/api/v1/monitors", StewardTestServer.Json("""{"name":"x","endpoint":"e","window":"P1M","schedule":"61 * * * *","drift_share":2}"""));
        var problem = await StewardTestServer.ProblemAsync(bad);
        Assert.Equal(400, problem["status"]!.GetValue<int>());
        foreach (var field in new[] { "window", "schedule", "drift_share" }) Assert.NotNull(problem["errors"]![field]);
        var unknown = await StewardTestServer.ProblemAsync(await _contributor.PostAsync("/api/v1/monitors", StewardTestServer.Json("""{"name":"x","endpoint":"e","windw":"P1D"}""")));
        Assert.NotNull(unknown["errors"]!["windw"]);

        var created = await _contributor.PostAsJsonAsync("/api/v1/monitors", MonitorData.Definition("credit-bad"));
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var early = await _service.PostAsync($"/api/v1/monitors/{id}/batches", Csv(MonitorData.Csv(5, 1)));
        Assert.Equal(409, (await StewardTestServer.ProblemAsync(early))["status"]!.GetValue<int>());
        var missingColumn = await StewardTestServer.ProblemAsync(await _contributor.PutAsync($"/api/v1/monitors/{id}/reference", Csv("age,city\n1,a\n")));
        Assert.Contains("'score'", missingColumn["errors"]!["reference"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _contributor.PutAsync($"/api/v1/monitors/{id}/reference", Csv(MonitorData.Csv(100, 1)))).StatusCode);

        async Task<string> BatchError(HttpContent content)
        {
            var p = await StewardTestServer.ProblemAsync(await _service.PostAsync($"/api/v1/monitors/{id}/batches", content));
            return p["status"]!.GetValue<int>() + " " + (p["errors"]?["body"]?[0]?.GetValue<string>() ?? p["detail"]!.GetValue<string>());
        }
        Assert.Equal("400 line 3, column 'age': 'old' is not a number (the reference profile has numbers in this column)",
            await BatchError(Csv("age,city,score,approved\n30,Lyon,0.2,0\nold,Oslo,0.3,1\n")));
        Assert.Equal("400 line 2: 3 fields where the header has 4", await BatchError(Csv("age,city,score,approved\n30,Lyon,0.2\n")));
        Assert.Equal("400 line 2, column 'age': the string \"30\" is not a number (the reference profile has numbers in this column)",
            await BatchError(Jsonl("{\"age\":31,\"city\":\"Lyon\"}\n{\"age\":\"30\"}\n")));
        Assert.StartsWith("400 line 2 is not valid JSON", await BatchError(Jsonl("{\"age\":31}\n{\"age\":\n")), StringComparison.Ordinal);
        Assert.StartsWith("400 has none of the reference's columns", await BatchError(Csv("a,b\n1,2\n")), StringComparison.Ordinal);
        Assert.Equal("400 has no data rows", await BatchError(Csv("age,city,score,approved\n")));
        Assert.StartsWith("415 ", await BatchError(StewardTestServer.Json("{}")), StringComparison.Ordinal);
        Assert.Equal(404, (await StewardTestServer.ProblemAsync(await _service.PostAsync("/api/v1/monitors/nope/batches", Csv("a\n1\n"))))["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task OversizedBatch_Is413()
    {
        await using var server = await StewardTestServer.StartAsync(new Dictionary<string, string?> { ["Monitors:MaxBatchBytes"] = "2048" });
        using var client = server.Client();
        var created = await client.PostAsJsonAsync("/api/v1/monitors", MonitorData.Definition("small"));
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync($"/api/v1/monitors/{id}/reference", Csv(MonitorData.Csv(100, 1)))).StatusCode);
        var problem = await StewardTestServer.ProblemAsync(await client.PostAsync($"/api/v1/monitors/{id}/batches", Csv(MonitorData.Csv(500, 2))));
        Assert.Equal(413, problem["status"]!.GetValue<int>());
        Assert.Contains("Monitors:MaxBatchBytes", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
