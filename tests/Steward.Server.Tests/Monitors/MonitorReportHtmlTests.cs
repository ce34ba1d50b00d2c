using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Steward.Server.Tests.Monitors;

/// <summary>A run's report as self-contained HTML over real Kestrel: the API's <c>?format=html</c> and the dashboard's link.</summary>
public sealed class MonitorReportHtmlTests : IAsyncLifetime
{
    private const string ReportCsp = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
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

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    private async Task<string> MonitorAsync(object definition, string reference)
    {
        var created = await _contributor.PostAsJsonAsync("/api/v1/monitors", definition);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await _contributor.PutAsync($"/api/v1/monitors/{id}/reference", Csv(reference))).StatusCode);
        return id;
    }

    private async Task<JsonObject> RunAsync(string id, string? batch)
    {
        if (batch is not null) Assert.Equal(HttpStatusCode.OK, (await _contributor.PostAsync($"/api/v1/monitors/{id}/batches", Csv(batch))).StatusCode);
        var run = await _contributor.PostAsync($"/api/v1/monitors/{id}/runs", null);
        Assert.Equal(HttpStatusCode.Created, run.StatusCode);
        return (await run.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    [Fact]
    public async Task Html_IsTheSelfContainedReport_WithTheEarlierRunsAsTrend()
    {
        var id = await MonitorAsync(MonitorData.Definition("credit-html"), MonitorData.Csv(400, seed: 1));
        await RunAsync(id, MonitorData.Csv(200, seed: 1));
        await RunAsync(id, null);
        var drift = await RunAsync(id, MonitorData.Csv(200, seed: 2, ageShift: 25));
        Assert.Equal("drift", drift["status"]!.GetValue<string>());
        // Stored reports carry the chart histograms the HTML draws from.
        Assert.NotNull(drift["report"]!["columns"]!["age"]!["histogram"]);

        var response = await _auditor.GetAsync($"/api/v1/monitors/{id}/runs/{drift["id"]}?format=html");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(ReportCsp, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var html = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("Drift report: credit-html", html, StringComparison.Ordinal);
        Assert.Contains("Dataset drift detected", html, StringComparison.Ordinal);
        // Two verdicts (the insufficient-data run has none): a trend over them, and the age column's overlay.
        Assert.Contains("Share of drifted columns over 2 reports", html, StringComparison.Ordinal);
        Assert.Contains("<b>age</b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);

        // The first run's report has no trend: nothing ran before it.
        var runs = (await _auditor.GetFromJsonAsync<JsonObject>($"/api/v1/monitors/{id}/runs"))!["items"]!.AsArray();
        var first = await _auditor.GetStringAsync($"/api/v1/monitors/{id}/runs/{runs[^1]!["id"]}?format=html");
        Assert.Contains("No dataset drift", first, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"trend\"", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostileColumnNames_AreEscaped()
    {
        const string hostile = "<script>alert(1)</script>";
        var id = await MonitorAsync(new { name = "<img src=x onerror=alert(2)>", endpoint = "credit-api", min_rows = 5 },
            $"\"{hostile}\",city\n" + string.Concat(Enumerable.Range(0, 60).Select(i => $"{i % 17},<b>c{i % 3}</b>\n")));
        var run = await RunAsync(id, $"\"{hostile}\",city\n" + string.Concat(Enumerable.Range(0, 60).Select(i => $"{i % 17 + 40},<b>c{i % 3}</b>\n")));
        var html = await _auditor.GetStringAsync($"/api/v1/monitors/{id}/runs/{run["id"]}?format=html");
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>c1</b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthNotFoundAndBadFormat_AreProblems()
    {
        var id = await MonitorAsync(MonitorData.Definition("credit-html-errors"), MonitorData.Csv(400, seed: 1));
        var run = await RunAsync(id, MonitorData.Csv(100, seed: 3));
        var empty = await RunAsync(id, null);
        Assert.Equal("insufficient_data", empty["status"]!.GetValue<string>());

        using var anonymous = _server.Client(key: null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/monitors/{id}/runs/{run["id"]}?format=html")).StatusCode);
        await AssertProblemAsync(await _auditor.GetAsync($"/api/v1/monitors/{id}/runs/{Guid.NewGuid()}?format=html"), 404);
        await AssertProblemAsync(await _auditor.GetAsync($"/api/v1/monitors/nope/runs/{run["id"]}?format=html"), 404);
        await AssertProblemAsync(await _auditor.GetAsync($"/api/v1/monitors/{id}/runs/{empty["id"]}?format=html"), 409, "insufficient_data");
        await AssertProblemAsync(await _auditor.GetAsync($"/api/v1/monitors/{id}/runs/{run["id"]}?format=pdf"), 400, "json or html");
    }

    [Fact]
    public async Task Dashboard_LinksToTheReport_ServedWithItsOwnCsp()
    {
        var id = await MonitorAsync(MonitorData.Definition("credit-html-ui"), MonitorData.Csv(400, seed: 1));
        var run = await RunAsync(id, MonitorData.Csv(100, seed: 3));
        var page = await _auditor.GetStringAsync($"/ui/monitors/{id}");
        var link = $"/ui/monitors/{id}/runs/{run["id"]}/report";
        Assert.Contains($"href=\"{link}\"", page, StringComparison.Ordinal);
        var report = await _auditor.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Equal("text/html", report.Content.Headers.ContentType!.MediaType);
        Assert.Equal(ReportCsp, report.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("Drift report: credit-html-ui", await report.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _auditor.GetAsync($"/ui/monitors/{id}/runs/{Guid.NewGuid()}/report")).StatusCode);
        // The dashboard's own pages keep the dashboard's policy.
        var monitorPage = await _auditor.GetAsync($"/ui/monitors/{id}");
        Assert.StartsWith("default-src 'none'; style-src 'self'", monitorPage.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, int status, string? detail = null)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        if (detail is not null) Assert.Contains(detail, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
