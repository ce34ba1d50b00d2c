using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Steward.Server.Tests.Policies;

/// <summary>OPA's REST API as clients written for OPA use it, over real Kestrel.</summary>
public sealed class OpaCompatibilityTests : IAsyncLifetime
{
    private StewardTestServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await StewardTestServer.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    /// <summary>
    /// The client of a Flask service written for OPA: <c>requests.post(OPA_URL + "/v1/data/ai_policy/allow",
    /// json={"input": {"prediction": ...}}).json()["result"] == True</c>. Only the host and the bearer token differ.
    /// </summary>
    [Fact]
    public async Task FlaskStyleClient_PostsInput_AndReadsResultTrue()
    {
        using (var admin = _server.Client())
        {
            await PolicyTestData.PutPolicyAsync(admin, "ai_policy.rego", PolicyTestData.AiPolicy);
            await PolicyTestData.PutDataAsync(admin, "", PolicyTestData.AiPolicyData);
        }
        var serviceKey = await _server.KeyAsync("flask-service", "service");

        using var http = new HttpClient { BaseAddress = _server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", serviceKey);
        async Task<JsonObject> Ask(double score)
        {
            var response = await http.PostAsJsonAsync("/v1/data/ai_policy/allow", new { input = new { prediction = new { score, model = "credit-v3" } } });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        }

        var allowed = await Ask(0.93);
        Assert.True(allowed["result"]!.GetValue<bool>());
        Assert.True(Guid.TryParse(allowed["decision_id"]!.GetValue<string>(), out _));
        Assert.False((await Ask(0.2))["result"]!.GetValue<bool>());

        // The decisions are in the log, with the outcome and the deny reasons derived.
        using var reader = _server.Client();
        var decision = await http.PostAsJsonAsync("/v1/data/ai_policy/decision", new { input = new { endpoint = "credit-api", prediction = new { score = 0.2, model = "credit-v3" } } });
        Assert.Equal(HttpStatusCode.OK, decision.StatusCode);
        var page = await reader.GetFromJsonAsync<JsonObject>("/api/v1/policy-decisions?endpoint=credit-api");
        var logged = page!["items"]!.AsArray().Single()!;
        Assert.False(logged["allowed"]!.GetValue<bool>());
        Assert.Equal("score is below the minimum", logged["deny_reasons"]![0]!.GetValue<string>());
        Assert.Equal("server", logged["source"]!.GetValue<string>());
        Assert.Equal("flask-service", logged["requested_by"]!.GetValue<string>());
        Assert.Equal(1, logged["consecutive_violations"]!.GetValue<int>());
        var all = await reader.GetFromJsonAsync<JsonObject>("/api/v1/policy-decisions?limit=10");
        Assert.Equal(3, all!["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task Get_WithInputQuery_Undefined_AndWholeData()
    {
        using var admin = _server.Client();
        await PolicyTestData.PutPolicyAsync(admin, "ai_policy.rego", PolicyTestData.AiPolicy);
        await PolicyTestData.PutDataAsync(admin, "limits", """{"min_score": 0.5}""");
        await PolicyTestData.PutDataAsync(admin, "approved_models", """["credit-v3"]""");

        var input = Uri.EscapeDataString("""{"prediction":{"score":0.7,"model":"credit-v3"}}""");
        var get = await admin.GetFromJsonAsync<JsonObject>($"/v1/data/ai_policy/allow?input={input}");
        Assert.True(get!["result"]!.GetValue<bool>());

        // Undefined: an empty object, as the issue asks (no result member at all).
        var undefined = await admin.PostAsJsonAsync("/v1/data/ai_policy/no_such_rule", new { input = new { } });
        Assert.Equal(HttpStatusCode.OK, undefined.StatusCode);
        Assert.Equal("{}", await undefined.Content.ReadAsStringAsync());

        var whole = await admin.PostAsync("/v1/data", null);
        var data = JsonNode.Parse(await whole.Content.ReadAsStringAsync())!["result"]!;
        Assert.Equal(0.5, data["limits"]!["min_score"]!.GetValue<double>());
        Assert.False(data["ai_policy"]!["allow"]!.GetValue<bool>());
        Assert.Equal(0.5, (await admin.GetFromJsonAsync<JsonObject>("/v1/data/limits/min_score"))!["result"]!.GetValue<double>());
    }

    [Fact]
    public async Task Policies_PutGetListDelete_LikeOpa()
    {
        using var admin = _server.Client();
        using (var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(PolicyTestData.AiPolicy)))
        {
            // No content type at all, as curl --data-binary sends: OPA accepts it, so do we.
            var put = await admin.PutAsync("/v1/policies/ai/main.rego", content);
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            Assert.Equal("{}", await put.Content.ReadAsStringAsync());
        }
        var got = (await admin.GetFromJsonAsync<JsonObject>("/v1/policies/ai/main.rego"))!["result"]!;
        Assert.Equal("ai/main.rego", got["id"]!.GetValue<string>());
        Assert.Equal(PolicyTestData.AiPolicy, got["raw"]!.GetValue<string>());
        Assert.Equal("ai_policy", got["package"]!.GetValue<string>());
        var list = (await admin.GetFromJsonAsync<JsonObject>("/v1/policies"))!["result"]!.AsArray();
        Assert.Equal(["ai/main.rego", "steward/gates.rego"], list.Select(p => p!["id"]!.GetValue<string>()));

        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync("/v1/policies/ai/main.rego")).StatusCode);
        var missing = await admin.GetAsync("/v1/policies/ai/main.rego");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("resource_not_found", (await StewardTestServer.ProblemAsync(missing))["code"]!.GetValue<string>());
        Assert.Equal(["steward/gates.rego"], (await admin.GetFromJsonAsync<JsonObject>("/v1/policies"))!["result"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task SlowPolicy_FailsClosed_AfterTheTimeLimit_AndTheErrorIsLogged()
    {
        using var admin = _server.Client();
        await PolicyTestData.PutDataAsync(admin, "big", "[" + string.Join(',', Enumerable.Range(0, 2000)) + "]");
        await PolicyTestData.PutPolicyAsync(admin, "slow.rego", """
            package slow

            allow if {
                triples := {[a, b, c] | data.big[a]; data.big[b]; data.big[c]}
                triples[[1, 2, 3]]
            }
            """);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var response = await admin.PostAsJsonAsync("/v1/data/slow/allow", new { input = new { endpoint = "slow-api" } });
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), $"took {started.Elapsed}");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var problem = await StewardTestServer.ProblemAsync(response);
        Assert.Equal("internal_error", problem["code"]!.GetValue<string>());
        Assert.Equal("eval_cancel_error", problem["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Null(problem["result"]);

        var logged = (await admin.GetFromJsonAsync<JsonObject>("/api/v1/policy-decisions?endpoint=slow-api"))!["items"]![0]!;
        Assert.Contains("eval_cancel_error", logged["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(logged["result"]);
    }
}
