using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Steward.Server.Tests.Policies;

/// <summary><c>POST /logs</c> as OPA agents and Steward sidecars send it: gzip-compressed JSON arrays of decision events.</summary>
public sealed class DecisionLogUploadTests : IAsyncLifetime
{
    private StewardTestServer _server = null!;

    public async ValueTask InitializeAsync() =>
        _server = await StewardTestServer.StartAsync(new Dictionary<string, string?> { ["Policy:MaxLogUploadBytes"] = "65536" });

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task OpaAgentAndSidecarUploads_AreStored_WithSourceOutcomeAndStreak()
    {
        var key = await _server.KeyAsync("opa-agent", "service");
        using var client = _server.Client(key);
        var events = new JsonArray
        {
            Event("11111111-1111-4111-8111-111111111111", "authz/allow", new JsonObject { ["endpoint"] = "payments" }, JsonValue.Create(false), new JsonObject { ["id"] = "opa-1", ["version"] = "1.4.2" }),
            Event("22222222-2222-4222-8222-222222222222", "authz/allow", new JsonObject { ["endpoint"] = "payments" }, JsonValue.Create(false), new JsonObject { ["id"] = "opa-1" }),
            Event("33333333-3333-4333-8333-333333333333", "ai_policy/decision", new JsonObject { ["x"] = 1 },
                JsonNode.Parse("""{"allow": false, "deny": ["model not approved"]}"""),
                new JsonObject { ["steward_source"] = "sidecar", ["endpoint"] = "scoring" }),
        };
        events[0]!["bundles"] = new JsonObject { ["authz"] = new JsonObject { ["revision"] = "r1" } };
        events[0]!["metrics"] = new JsonObject { ["timer_rego_query_eval_ns"] = 1200 };
        var response = await client.SendAsync(Gzip(events.ToJsonString()));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);

        var payments = (await client.GetFromJsonAsync<JsonObject>("/api/v1/policy-decisions?endpoint=payments"))!["items"]!.AsArray();
        Assert.Equal(["22222222-2222-4222-8222-222222222222", "11111111-1111-4111-8111-111111111111"], payments.Select(p => p!["decision_id"]!.GetValue<string>()));
        Assert.Equal([2, 1], payments.Select(p => p!["consecutive_violations"]!.GetValue<int>()));
        Assert.All(payments, p => Assert.Equal("opa-upload", p!["source"]!.GetValue<string>()));
        Assert.Equal(1200, payments[1]!["metrics"]!["timer_rego_query_eval_ns"]!.GetValue<int>());

        var sidecar = (await client.GetFromJsonAsync<JsonObject>("/api/v1/policy-decisions?source=sidecar"))!["items"]!.AsArray().Single()!;
        Assert.Equal("scoring", sidecar["endpoint"]!.GetValue<string>());
        Assert.Equal("model not approved", sidecar["deny_reasons"]![0]!.GetValue<string>());
        Assert.Single((await client.GetFromJsonAsync<JsonObject>("/api/v1/policy-decisions?allowed=false&endpoint=scoring"))!["items"]!.AsArray());
        Assert.Empty((await client.GetFromJsonAsync<JsonObject>("/api/v1/policy-decisions?allowed=true"))!["items"]!.AsArray());
        var one = await client.GetFromJsonAsync<JsonArray>("/api/v1/policy-decisions/33333333-3333-4333-8333-333333333333");
        Assert.Single(one!);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/policy-decisions/nope")).StatusCode);
    }

    [Fact]
    public async Task SidecarEvent_KeepsTheOutcomeTheSidecarReported()
    {
        using var client = _server.Client();
        // The shape Steward.Sidecar's DecisionLogJson writes: a failed decision the sidecar denied (fail closed).
        const string sidecarEvent = """
            [{"labels":{"steward_source":"sidecar","endpoint":"chat"},"decision_id":"44444444-4444-4444-8444-444444444444",
              "path":"ai_policy/output","input":{"phase":"output"},"timestamp":"2026-12-02T03:00:00.0000000Z",
              "metrics":{"timer_rego_query_eval_ns":51000000},"error":{"code":"eval_cancel_error","message":"time limit"},
              "steward":{"allowed":false,"deny":["eval_cancel_error: time limit"],"consecutive_violations":1,"phase":"output"}}]
            """;
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(Gzip(sidecarEvent))).StatusCode);

        var stored = (await client.GetFromJsonAsync<JsonObject>("/api/v1/policy-decisions?endpoint=chat"))!["items"]![0]!;
        Assert.Equal("sidecar", stored["source"]!.GetValue<string>());
        Assert.False(stored["allowed"]!.GetValue<bool>());
        Assert.Equal("eval_cancel_error: time limit", stored["deny_reasons"]![0]!.GetValue<string>());
        Assert.Equal(1, stored["consecutive_violations"]!.GetValue<int>());
        Assert.Contains("eval_cancel_error", stored["error"]!.GetValue<string>(), StringComparison.Ordinal);

        var bad = await client.SendAsync(Gzip(sidecarEvent.Replace("\"allowed\":false", "\"allowed\":\"no\"", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    public static TheoryData<string, bool> BadUploads() => new()
    {
        { "not json", true },
        { "{\"decision_id\": \"x\"}", true },
        { "[{\"path\": \"a\", \"timestamp\": \"2026-01-01T00:00:00Z\"}]", true },
        { "[{\"decision_id\": \"x\", \"timestamp\": \"yesterday\"}]", true },
        { "[{\"decision_id\": 5, \"timestamp\": \"2026-01-01T00:00:00Z\"}]", true },
        { "[{\"decision_id\": \"x\", \"timestamp\": \"2026-01-01T00:00:00Z\", \"labels\": [1]}]", true },
        { "[1]", true },
        { "[]", false },
    };

    [Theory]
    [MemberData(nameof(BadUploads))]
    public async Task BadUploads_Are400_AndStoreNothing(string body, bool gzip)
    {
        using var client = _server.Client();
        var request = gzip ? Gzip(body) : new HttpRequestMessage(HttpMethod.Post, "/logs") { Content = new ByteArrayContent("\u001f\u008bnot gzip"u8.ToArray()) };
        if (!gzip) request.Content!.Headers.ContentEncoding.Add("gzip");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_parameter", (await StewardTestServer.ProblemAsync(response))["code"]!.GetValue<string>());
        Assert.Empty((await client.GetFromJsonAsync<JsonObject>("/api/v1/policy-decisions"))!["items"]!.AsArray());
    }

    [Fact]
    public async Task DecompressionBomb_IsRefused()
    {
        using var client = _server.Client();
        var huge = "[" + string.Join(',', Enumerable.Repeat("{\"decision_id\":\"x\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"input\":\"" + new string('a', 1000) + "\"}", 200)) + "]";
        var response = await client.SendAsync(Gzip(huge));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("MaxLogUploadBytes", (await StewardTestServer.ProblemAsync(response))["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownContentEncoding_Is415()
    {
        using var client = _server.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/logs") { Content = new StringContent("[]", Encoding.UTF8, "application/json") };
        request.Content.Headers.ContentEncoding.Add("br");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        await StewardTestServer.ProblemAsync(response);
    }

    internal static JsonObject Event(string id, string path, JsonNode input, JsonNode? result, JsonObject labels) => new()
    {
        ["decision_id"] = id,
        ["path"] = path,
        ["input"] = input,
        ["result"] = result,
        ["labels"] = labels,
        ["requested_by"] = "127.0.0.1:5000",
        ["timestamp"] = "2026-12-01T10:00:00.123456789Z",
    };

    internal static HttpRequestMessage Gzip(string json)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(Encoding.UTF8.GetBytes(json));
        var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentEncoding.Add("gzip");
        return new HttpRequestMessage(HttpMethod.Post, "/logs") { Content = content };
    }
}
