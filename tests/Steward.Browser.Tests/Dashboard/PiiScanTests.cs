using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Steward.Browser.Tests.Infrastructure;
using Steward.Pii;
using Steward.Pii.Recognizers;
using Steward.Pii.Scanning;
using static Microsoft.Playwright.Assertions;

namespace Steward.Browser.Tests.Dashboard;

/// <summary>/ui/pii-scans on a server of its own: scans per dataset with verdicts, a dataset's history and per-column report.</summary>
public sealed class PiiScanTests(DashboardFixture fixture) : IAsyncLifetime
{
    private const string Csv = "id,notes,email\n1,ssn 123-45-6789,a@example.com\n2,fine,\n3,<b>bold</b> 987-65-4321,\n";
    private StewardServerHost _server = null!;
    private string _auditorKey = "";
    private string _datasetId = "";

    public async ValueTask InitializeAsync()
    {
        _server = await StewardServerHost.StartAsync();
        _auditorKey = await _server.CreateKeyAsync("auditor@example.com", "auditor");
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Csv)));
        _datasetId = (await _server.PostAsync("/api/v1/datasets", new { name = "support-chats", owner = "data@example.com", sha256 = sha }))["id"]!.GetValue<string>();
        await _server.PostAsync("/api/v1/datasets", new { name = "never-scanned", owner = "data@example.com", sha256 = new string('b', 64) });

        var path = Path.Combine(_server.DataDirectory, "support-chats.csv");
        await File.WriteAllTextAsync(path, Csv);
        var engine = new AnalyzerEngine(new RecognizerRegistry(
            [new RegexRecognizer("t_ssn", PiiEntities.UsSsn, [new PatternDefinition("ssn", @"\b\d{3}-\d{2}-\d{4}\b", 0.85)])]));
        var report = await new DatasetScanner(engine).ScanFileAsync(path, new ScanOptions());
        using var client = _server.Client();
        var body = new ByteArrayContent(ScanReportJson.Serialize(report));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        (await client.PostAsync($"/api/v1/datasets/{_datasetId}/pii-scans", body)).EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public Task Scans_ListedWithVerdicts_AndADatasetsReportShowsColumnsAndRedactedSamples() => fixture.RunAsync(async page =>
    {
        await DashboardFixture.SignInAsync(page, _auditorKey, start: "/ui/inventory/datasets");
        var row = page.Locator("table tbody tr").Filter(new() { HasText = "support-chats" });
        await row.GetByRole(AriaRole.Link, new() { Name = "PII scans of support-chats" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/ui/pii-scans/{_datasetId}$"));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "PII scans", Exact = true }).First).ToHaveAttributeAsync("aria-current", "page");
        await Expect(page.Locator("h1")).ToHaveTextAsync("PII scans of support-chats");

        var history = page.Locator("table").First.Locator("tbody tr");
        await Expect(history).ToHaveCountAsync(1);
        await Expect(history.Locator("td[data-label='Verdict']")).ToHaveTextAsync("fail");
        await Expect(history.Locator("td[data-label='Source']")).ToHaveTextAsync("report");

        await Expect(page.Locator("ul.reasons")).ToContainTextAsync("column 'notes': 2 row(s) with US_SSN");
        var notes = page.Locator("table").Nth(1).Locator("tbody tr").Filter(new() { HasText = "US_SSN" });
        await Expect(notes.Locator("td[data-label='Column']")).ToHaveTextAsync("notes");
        await Expect(notes.Locator("td[data-label='Rows']")).ToHaveTextAsync("2");
        await Expect(notes.Locator("ul.samples li")).ToHaveTextAsync(["row 1: ssn <US_SSN>", "row 3: <b>bold</b> <US_SSN>"]); // text, not markup
        var content = await page.ContentAsync();
        Assert.DoesNotContain("123-45-6789", content, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>bold", content, StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "PII scans", Exact = true }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/ui/pii-scans$"));
        var recent = page.Locator("table tbody tr");
        await Expect(recent).ToHaveCountAsync(1);
        await Expect(recent.Locator("td[data-label='Dataset']")).ToHaveTextAsync("support-chats");
        await Expect(recent.Locator("td[data-label='Verdict']")).ToHaveTextAsync("fail");
    }, _server);

    [Fact]
    public Task UnscannedAndUnknownDatasets_SayWhatToDo() => fixture.RunAsync(async page =>
    {
        await DashboardFixture.SignInAsync(page, _auditorKey, start: "/ui/inventory/datasets");
        await page.GetByRole(AriaRole.Link, new() { Name = "PII scans of never-scanned" }).ClickAsync();
        await Expect(page.Locator("p.empty")).ToContainTextAsync("steward pii scan FILE --dataset");
        var missing = await page.GotoAsync("/ui/pii-scans/no-such-dataset");
        Assert.Equal(404, missing!.Status);
        await Expect(page.Locator("[role=alert]")).ToContainTextAsync("does not exist");
    }, _server);
}
