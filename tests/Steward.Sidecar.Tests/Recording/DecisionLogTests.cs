using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Steward.Sidecar.Tests.Recording;

public sealed class DecisionLogTests
{
    private const string ApiKey = "stw_test_sidecar-secret-key-0000000000";
    private static readonly string Allowed = "{\"label\":\"approve\",\"confidence\":0.9}";
    private static readonly string Denied = "{\"label\":\"approve\",\"confidence\":0.1}";

    private static async Task<(TestServer Upstream, Microsoft.AspNetCore.Builder.WebApplication App, Uri Sidecar)> Start(
        Action<OutputPolicyOptions> configure)
    {
        var upstream = await TestServer.StartAsync(async c =>
        {
            var body = await new StreamReader(c.Request.Body).ReadToEndAsync();
            c.Response.ContentType = "application/json";
            await c.Response.WriteAsync(body);
        });
        var (app, sidecar) = await Sidecars.StartAsync(Sidecars.Options(upstream.Address, Sidecars.Embedded(), o =>
        {
            o.LogFlushInterval = TimeSpan.FromMilliseconds(50);
            configure(o);
        }));
        return (upstream, app, sidecar);
    }

    private static async Task<HttpStatusCode> Send(HttpClient http, Uri sidecar, string prediction)
    {
        using var r = await http.PostAsync(new Uri(sidecar, "/predict"), new StringContent(prediction, Encoding.UTF8, "application/json"));
        return r.StatusCode;
    }

    [Fact]
    public async Task Uploads_GzipJsonArrays_InOpasEventShape_WithBearerKey_AndConsecutiveViolations()
    {
        await using var receiver = await LogReceiver.StartAsync();
        var (upstream, app, sidecar) = await Start(o =>
        {
            o.Server = receiver.Address;
            o.ApiKey = ApiKey;
        });
        await using (upstream)
        await using (app)
        {
            using var http = new HttpClient();
            foreach (var p in new[] { Denied, Denied, Allowed, Denied })
                await Send(http, sidecar, p);

            var events = await receiver.WaitForEventsAsync(3);

            Assert.Empty(receiver.ShapeErrors);
            Assert.Equal(3, events.Count); // allows are not sampled by default
            Assert.All(receiver.Authorizations, a => Assert.Equal("Bearer " + ApiKey, a));
            Assert.Equal([1L, 2L, 1L], events.Select(e => e.GetProperty("steward").GetProperty("consecutive_violations").GetInt64()));
            var first = events[0];
            Assert.Equal("sidecar", first.GetProperty("labels").GetProperty("steward_source").GetString());
            Assert.Equal("scoring", first.GetProperty("labels").GetProperty("endpoint").GetString());
            Assert.Equal("ai_policy", first.GetProperty("path").GetString());
            Assert.True(Guid.TryParse(first.GetProperty("decision_id").GetString(), out _));
            Assert.Equal(0.1, first.GetProperty("input").GetProperty("prediction").GetProperty("confidence").GetDouble());
            Assert.Equal(JsonValueKind.Object, first.GetProperty("result").ValueKind);
            Assert.False(first.GetProperty("steward").GetProperty("allowed").GetBoolean());
            Assert.Equal("low_confidence: confidence below 0.5", first.GetProperty("steward").GetProperty("deny")[0].GetString());
            Assert.Equal("response", first.GetProperty("steward").GetProperty("phase").GetString());
        }
    }

    [Fact]
    public async Task SampleAllowsOne_RecordsEveryAllow_WithTheCountReset()
    {
        await using var receiver = await LogReceiver.StartAsync();
        var (upstream, app, sidecar) = await Start(o =>
        {
            o.Server = receiver.Address;
            o.ApiKey = ApiKey;
            o.SampleAllows = 1;
        });
        await using (upstream)
        await using (app)
        {
            using var http = new HttpClient();
            foreach (var p in new[] { Denied, Allowed, Allowed })
                await Send(http, sidecar, p);

            var events = await receiver.WaitForEventsAsync(3);

            Assert.Equal([false, true, true], events.Select(e => e.GetProperty("steward").GetProperty("allowed").GetBoolean()));
            Assert.Equal([1L, 0L, 0L], events.Select(e => e.GetProperty("steward").GetProperty("consecutive_violations").GetInt64()));
        }
    }

    [Fact]
    public async Task FailedUploads_AreRetried()
    {
        await using var receiver = await LogReceiver.StartAsync(failFirst: 2);
        var (upstream, app, sidecar) = await Start(o =>
        {
            o.Server = receiver.Address;
            o.ApiKey = ApiKey;
        });
        await using (upstream)
        await using (app)
        {
            using var http = new HttpClient();
            await Send(http, sidecar, Denied);

            var events = await receiver.WaitForEventsAsync(1);

            Assert.Single(events);
            Assert.Equal(3, receiver.Posts);
        }
    }

    [Fact]
    public async Task UnreachableServer_NeverDelaysRequests()
    {
        var (upstream, app, sidecar) = await Start(o =>
        {
            o.Server = Proxy.SidecarProxyTests.ClosedPort();
            o.ApiKey = ApiKey;
            o.LogQueueCapacity = 5;
        });
        await using (upstream)
        await using (app)
        {
            using var http = new HttpClient();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            for (var i = 0; i < 50; i++)
                Assert.Equal(HttpStatusCode.Forbidden, await Send(http, sidecar, Denied));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        }
    }

    [Fact]
    public async Task JsonLinesLog_GetsOneEventPerLine_AndNeverTheKey()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("steward-sidecar-").FullName, "decisions.jsonl");
        var (upstream, app, sidecar) = await Start(o => o.DecisionLogFile = file);
        await using (upstream)
        {
            await using (app)
            {
                using var http = new HttpClient();
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(sidecar, "/predict"))
                {
                    Content = new StringContent(Denied, Encoding.UTF8, "application/json"),
                };
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ApiKey);
                await http.SendAsync(request);
                await Send(http, sidecar, Denied);
                await app.StopAsync();
            }

            var lines = File.ReadAllLines(file);
            Assert.Equal(2, lines.Length);
            Assert.All(lines, l => Assert.Equal("ai_policy", JsonDocument.Parse(l).RootElement.GetProperty("path").GetString()));
            Assert.DoesNotContain(ApiKey, File.ReadAllText(file), StringComparison.Ordinal);
        }
    }
}
