using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Steward.Server.Tests.Monitors;

/// <summary>
/// A busy window (past <c>Monitors:WindowExactLimit</c>, so its numeric columns are KLL sketches) runs <c>ed</c>,
/// <c>mannw</c> and <c>cramer_von_mises</c> from the sketch; a test without a CDF form still fails the run with the reason.
/// </summary>
public sealed class SketchedWindowTests : IAsyncLifetime
{
    private StewardTestServer _server = null!;
    private HttpClient _contributor = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await StewardTestServer.StartAsync(new Dictionary<string, string?> { ["Monitors:WindowExactLimit"] = "200" });
        _contributor = _server.Client(await _server.KeyAsync("carol@example.com", "contributor"));
    }

    public async ValueTask DisposeAsync()
    {
        _contributor.Dispose();
        await _server.DisposeAsync();
    }

    private static StringContent Csv(int rows, int seed, double shift)
    {
        var random = new Random(seed);
        var text = new StringBuilder("a,b,c\n");
        for (var i = 0; i < rows; i++)
            text.Append(CultureInfo.InvariantCulture, $"{random.NextDouble() * 100 + shift:R},{random.NextDouble() * 10 + shift:R},{random.NextDouble() + shift / 100:R}\n");
        return new StringContent(text.ToString(), Encoding.UTF8, "text/csv");
    }

    private async Task<JsonObject> RunAsync(object columns, double shift)
    {
        var created = await _contributor.PostAsJsonAsync("/api/v1/monitors", new { name = $"busy-{Guid.NewGuid():N}", endpoint = "api", columns });
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await _contributor.PutAsync($"/api/v1/monitors/{id}/reference", Csv(2_000, 1, 0))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _contributor.PostAsync($"/api/v1/monitors/{id}/batches", Csv(1_500, 2, shift))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _contributor.PostAsync($"/api/v1/monitors/{id}/batches", Csv(1_500, 3, shift))).StatusCode);
        var run = await _contributor.PostAsync($"/api/v1/monitors/{id}/runs", null);
        Assert.Equal(HttpStatusCode.Created, run.StatusCode);
        return (await run.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    [Fact]
    public async Task RankTests_RunOnASketchedWindow_AndFindTheShift()
    {
        var columns = new { a = new { stattest = "mannw" }, b = new { stattest = "cramer_von_mises" }, c = new { stattest = "ed", threshold = 0.05 } };
        var quiet = await RunAsync(columns, 0);
        Assert.Equal("no_drift", quiet["status"]!.GetValue<string>());
        var shifted = await RunAsync(columns, 5);
        Assert.Equal("drift", shifted["status"]!.GetValue<string>());
        var report = shifted["report"]!["columns"]!;
        foreach (var (name, test) in new[] { ("a", "mannw"), ("b", "cramer_von_mises"), ("c", "ed") })
        {
            Assert.Equal(test, report[name]!["stattest_name"]!.GetValue<string>());
            Assert.True(report[name]!["drift_detected"]!.GetValue<bool>(), name);
            Assert.Equal(3_000, report[name]!["current_size"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task ATestWithoutACdfForm_StillFailsTheRun_WithTheReason()
    {
        var run = await RunAsync(new { a = new { stattest = "anderson" } }, 0);
        Assert.Equal("failed", run["status"]!.GetValue<string>());
        Assert.Contains("exact-mode profile", run["report"]!["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
