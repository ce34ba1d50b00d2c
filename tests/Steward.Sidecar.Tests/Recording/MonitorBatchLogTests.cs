using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Steward.Sidecar.Tests.Recording;

/// <summary>The sidecar's <c>--monitor</c>: sampled responses go to the monitor's batches endpoint as JSON Lines rows of request body and prediction.</summary>
public sealed class MonitorBatchLogTests
{
    private const string ApiKey = "stw_test_sidecar-secret-key-0000000000";

    [Fact]
    public async Task Responses_ArePostedAsJsonLinesRows_WithoutArrays_AllowedAndDeniedAlike()
    {
        var posts = new ConcurrentQueue<(string Path, string? Type, string Auth, string Body)>();
        await using var steward = await TestServer.StartAsync(async c =>
        {
            var body = await new StreamReader(c.Request.Body).ReadToEndAsync();
            posts.Enqueue((c.Request.Path.Value!, c.Request.ContentType, c.Request.Headers.Authorization.ToString(), body));
            c.Response.StatusCode = 200;
        });
        await using var upstream = await TestServer.StartAsync(async c =>
        {
            c.Response.ContentType = "application/json";
            await c.Response.WriteAsync("{\"label\":\"approve\",\"confidence\":0.3,\"alternatives\":[1,2]}");
        });
        var (app, sidecar) = await Sidecars.StartAsync(Sidecars.Options(upstream.Address, Sidecars.Embedded(), o =>
        {
            o.LogFlushInterval = TimeSpan.FromMilliseconds(50);
            o.Server = steward.Address;
            o.ApiKey = ApiKey;
            o.MonitorId = "monitor/1";
        }));
        await using (app)
        {
            using var http = new HttpClient();
            for (var i = 0; i < 3; i++)
            {
                using var response = await http.PostAsync(new Uri(sidecar, "/predict"),
                    new StringContent($"{{\"age\":{30 + i},\"tags\":[\"a\"],\"applicant\":{{\"income\":5}}}}", Encoding.UTF8, "application/json"));
            }
            var deadline = DateTime.UtcNow.AddSeconds(10);
            List<string> rows;
            while ((rows = [.. posts.Where(p => p.Path.EndsWith("/batches", StringComparison.Ordinal)).SelectMany(p => p.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries))]).Count < 3
                && DateTime.UtcNow < deadline)
                await Task.Delay(50);

            Assert.Equal(3, rows.Count);
            var batch = posts.First(p => p.Path.EndsWith("/batches", StringComparison.Ordinal));
            Assert.Equal(("/api/v1/monitors/monitor%2F1/batches", "application/x-ndjson", "Bearer " + ApiKey), (batch.Path, batch.Type, batch.Auth));
            var first = JsonDocument.Parse(rows[0]).RootElement;
            Assert.Equal(30, first.GetProperty("request").GetProperty("age").GetInt32());
            Assert.Equal(5, first.GetProperty("request").GetProperty("applicant").GetProperty("income").GetInt32());
            Assert.False(first.GetProperty("request").TryGetProperty("tags", out _));
            Assert.Equal("approve", first.GetProperty("prediction").GetProperty("label").GetString());
            Assert.False(first.GetProperty("prediction").TryGetProperty("alternatives", out _));
        }
    }

    [Fact]
    public void MonitorWithoutServer_IsRefused()
    {
        var options = new OutputPolicyOptions { DecisionPoint = Sidecars.Embedded(), MonitorId = "m" };
        Assert.Contains("MonitorId (--monitor) needs Server", Assert.Throws<ArgumentException>(options.Validate).Message, StringComparison.Ordinal);
    }
}
