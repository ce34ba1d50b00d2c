using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Steward.Pii;
using Steward.Pii.Recognizers;
using Steward.Pii.Scanning;
using Steward.Server.PiiScans;

namespace Steward.Server.Tests.PiiScans;

public sealed class PiiScansApiTests : IAsyncLifetime
{
    private static readonly AnalyzerEngine Engine = new(new RecognizerRegistry(
        [new RegexRecognizer("t_ssn", PiiEntities.UsSsn, [new PatternDefinition("ssn", @"\b\d{3}-\d{2}-\d{4}\b", 0.85)])]));

    private const string Csv = "id,notes\n1,ssn 123-45-6789\n2,fine\n";
    private StewardTestServer _server = null!;
    private HttpClient _contributor = null!;
    private HttpClient _auditor = null!;
    private string _datasetId = "";

    public async ValueTask InitializeAsync()
    {
        _server = await StewardTestServer.StartAsync();
        _server.App.Services.GetRequiredService<PiiScanWorker>().Engine = Engine; // the default recognizers are built elsewhere
        _contributor = _server.Client(await _server.KeyAsync("carol@example.com", "contributor"));
        _auditor = _server.Client(await _server.KeyAsync("dave@example.com", "auditor"));
        using var admin = _server.Client();
        var response = await admin.PostAsJsonAsync("/api/v1/datasets", new
        {
            name = "training-set", owner = "data@example.com", sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Csv))),
        });
        _datasetId = (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    public async ValueTask DisposeAsync()
    {
        _contributor.Dispose();
        _auditor.Dispose();
        await _server.DisposeAsync();
    }

    private string Scans => $"/api/v1/datasets/{_datasetId}/pii-scans";

    [Fact]
    public async Task Upload_IsScannedInTheBackgroundAndRecorded()
    {
        var before = await _server.LedgerSizeAsync();
        var content = new StringContent(Csv, Encoding.UTF8, "text/csv");
        var response = await _contributor.PostAsync($"{Scans}?format=csv&fail_on=US_SSN&filename=train.csv", content);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var queued = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(response.Headers.Location!.ToString(), $"{Scans}/{queued["id"]}");

        JsonObject scan;
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        do
        {
            await Task.Delay(100);
            scan = (await _auditor.GetFromJsonAsync<JsonObject>(response.Headers.Location))!;
        }
        while (scan["status"]!.GetValue<string>() is "queued" or "running" && DateTimeOffset.UtcNow < deadline);

        Assert.Equal("completed", scan["status"]!.GetValue<string>());
        Assert.Equal("fail", scan["verdict"]!.GetValue<string>());
        Assert.Equal("carol@example.com", scan["submitted_by"]!.GetValue<string>());
        Assert.Equal("train.csv", scan["report"]!["file"]!.GetValue<string>());
        Assert.Equal(1, scan["report"]!["columns"]![1]!["entities"]![0]!["rows_affected"]!.GetValue<int>());
        Assert.DoesNotContain("123-45-6789", scan.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(before + 1, await _server.LedgerSizeAsync());
        Assert.Empty(Directory.GetFiles(Path.Combine(_server.DataDirectory, "pii-scan-uploads")));

        var list = (await _auditor.GetFromJsonAsync<JsonObject>(Scans))!;
        Assert.Null(list["items"]![0]!["report"]);
    }

    [Fact]
    public async Task Report_FromALocalScan_IsCheckedAndRecorded()
    {
        var path = Path.Combine(_server.DataDirectory, "local.csv");
        await File.WriteAllTextAsync(path, Csv);
        var report = await new DatasetScanner(Engine).ScanFileAsync(path, new ScanOptions());
        var body = new ByteArrayContent(ScanReportJson.Serialize(report));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var response = await _contributor.PostAsync(Scans, body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var scan = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(("report", "fail"), (scan["source"]!.GetValue<string>(), scan["verdict"]!.GetValue<string>()));

        var lying = ScanReportJson.Serialize(report with { Verdict = report.Verdict with { Passed = true } });
        var refused = await _contributor.PostAsync(Scans, new ByteArrayContent(lying) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("verdict", (await StewardTestServer.ProblemAsync(refused))["errors"]!.AsObject().Select(kv => kv.Key));
    }

    [Fact]
    public async Task BadRequests_AreProblemDetails()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _server.Client(null).GetAsync(Scans)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _auditor.PostAsync($"{Scans}?format=csv", new StringContent(Csv))).StatusCode);
        var noFormat = await _contributor.PostAsync(Scans, new StringContent(Csv, Encoding.UTF8, "text/csv"));
        Assert.Contains("format", (await StewardTestServer.ProblemAsync(noFormat))["errors"]!.AsObject().Select(kv => kv.Key));
        var badScore = await _contributor.PostAsync($"{Scans}?format=csv&min_score=7", new StringContent(Csv));
        Assert.Equal(HttpStatusCode.BadRequest, badScore.StatusCode);
        var garbage = await _contributor.PostAsync(Scans, StewardTestServer.Json("[1,2]"));
        Assert.Equal(400, (await StewardTestServer.ProblemAsync(garbage))["status"]!.GetValue<int>());
        var missing = await _auditor.GetAsync("/api/v1/datasets/nope/pii-scans");
        Assert.Equal(404, (await StewardTestServer.ProblemAsync(missing))["status"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NotFound, (await _auditor.GetAsync($"{Scans}/nope")).StatusCode);
        var unknownDataset = await _contributor.PostAsync("/api/v1/datasets/nope/pii-scans?format=csv", new StringContent(Csv));
        Assert.Equal(HttpStatusCode.NotFound, unknownDataset.StatusCode);
    }
}
