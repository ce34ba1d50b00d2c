using System.Text;

namespace Steward.Client.Tests.Monitors;

public sealed class MonitorsClientTests
{
    private const string Receipt = """{"monitor_id":"m 1","rows":2,"window":{"seq":1,"status":"open","opened_at":"2026-12-02T00:00:00Z","rows":2,"batches":1},"ignored_columns":[],"missing_columns":["label"]}""";

    [Fact]
    public async Task Create_SendsTheDefinitionInSnakeCase_AndFilesGoWithTheirContentTypes()
    {
        var server = new FakeServer(FakeServer.Json("{}"), FakeServer.Json(Receipt), FakeServer.Json(Receipt), FakeServer.Json("{}"));
        using var client = server.Client();
        var ct = TestContext.Current.CancellationToken;
        try
        {
            await client.Monitors.CreateAsync(new MonitorDefinition
            {
                Name = "credit", Endpoint = "credit-api", Window = "PT6H", DriftShare = 0.3, MinRows = 50,
                Columns = new Dictionary<string, MonitorColumnRule> { ["income"] = new("psi", 0.2, Critical: true) },
            }, ct);
        }
        catch (System.Text.Json.JsonException)
        {
            // The canned answer is not a monitor; only the request matters here.
        }
        Assert.Equal("""{"name":"credit","endpoint":"credit-api","window":"PT6H","columns":{"income":{"stattest":"psi","threshold":0.2,"critical":true}},"drift_share":0.3,"min_rows":50}""",
            server.Requests[0].Body);

        using var csv = new MemoryStream(Encoding.UTF8.GetBytes("age\n1\n"));
        var receipt = await client.Monitors.IngestAsync("m 1", csv, "csv", ct);
        Assert.Equal(("label", 2L), (receipt.MissingColumns[0], receipt.Window.Rows));
        Assert.Equal("/api/v1/monitors/m%201/batches", server.Requests[1].Request.RequestUri!.AbsolutePath);
        Assert.Equal("text/csv", server.Requests[1].Request.Content!.Headers.ContentType!.MediaType);

        using var jsonl = new MemoryStream(Encoding.UTF8.GetBytes("{\"age\":1}\n"));
        await client.Monitors.IngestAsync("m 1", jsonl, "jsonl", ct);
        Assert.Equal("application/x-ndjson", server.Requests[2].Request.Content!.Headers.ContentType!.MediaType);

        using var profile = new MemoryStream(Encoding.UTF8.GetBytes("{}"));
        Assert.Throws<ArgumentException>(() => { _ = client.Monitors.SetReferenceAsync("m 1", profile, "xml", ct); });
    }

    [Fact]
    public async Task QualitySettings_AreSentInSnakeCase_AndTheHtmlReportIsFetchedAsBytes()
    {
        var html = new Func<HttpRequestMessage, HttpResponseMessage>(_ => new HttpResponseMessage(System.Net.HttpStatusCode.OK)
        {
            Content = new StringContent("<!DOCTYPE html><p>report</p>", Encoding.UTF8, "text/html"),
        });
        var server = new FakeServer(FakeServer.Json("{}"), html);
        using var client = server.Client();
        var ct = TestContext.Current.CancellationToken;
        try
        {
            await client.Monitors.CreateAsync(new MonitorDefinition
            {
                Name = "q", Endpoint = "e", Prediction = "p", Label = "l", PredictionScore = "s", Task = "classification", PositiveClass = "yes",
                Sensitive = ["g"], Privileged = new Dictionary<string, string> { ["g"] = "a" },
            }, ct);
        }
        catch (System.Text.Json.JsonException)
        {
            // The canned answer is not a monitor; only the request matters here.
        }
        Assert.Equal("""{"name":"q","endpoint":"e","prediction":"p","label":"l","sensitive":["g"],"prediction_score":"s","task":"classification","positive_class":"yes","privileged":{"g":"a"}}""",
            server.Requests[0].Body);

        var bytes = await client.Monitors.GetRunHtmlAsync("m 1", "r 1", ct);
        Assert.Equal("<!DOCTYPE html><p>report</p>", Encoding.UTF8.GetString(bytes));
        Assert.Equal("/api/v1/monitors/m%201/runs/r%201?format=html", server.Requests[1].Request.RequestUri!.PathAndQuery);
    }
}
