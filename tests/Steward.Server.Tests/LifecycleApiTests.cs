using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Steward.Server.Tests;

/// <summary>The lifecycle contract over HTTP: gate answers, stage changes, refusals as 409 problems, history.</summary>
public sealed class LifecycleApiTests : IAsyncLifetime
{
    private StewardTestServer _server = null!;
    private HttpClient _admin = null!;
    private string _systemId = "";

    public async ValueTask InitializeAsync()
    {
        _server = await StewardTestServer.StartAsync();
        _admin = _server.Client();
        _systemId = (await _server.RegisterSystemAsync("lifecycle-system"))["id"]!.GetValue<string>();
    }

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        await _server.DisposeAsync();
    }

    private static List<string> Rules(JsonNode answer) => [.. answer["unmet"]!.AsArray().Select(u => u!["rule"]!.GetValue<string>()).Order()];

    [Fact]
    public async Task Gate_ListsEveryUnmetRequirement_AndTheRefusedChangeIs409WithTheSameList()
    {
        var gate = (await _admin.GetFromJsonAsync<JsonObject>($"/api/v1/systems/{_systemId}/gates/deployment"))!;
        Assert.False(gate["allowed"]!.GetValue<bool>());
        Assert.Contains("risk_assessment_approved", Rules(gate));
        Assert.Contains("business_approval", Rules(gate));
        Assert.Contains("ethical_review", Rules(gate));
        Assert.All(gate["unmet"]!.AsArray(), u => Assert.False(string.IsNullOrWhiteSpace(u!["message"]!.GetValue<string>())));
        Assert.Equal(("intake", "deployment"), (gate["from"]!.GetValue<string>(), gate["to"]!.GetValue<string>()));

        var size = await _server.LedgerSizeAsync();
        var response = await _admin.PostAsJsonAsync($"/api/v1/systems/{_systemId}/stage", new { to = "deployment", reason = "go live" });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await StewardTestServer.ProblemAsync(response);
        Assert.False(problem["allowed"]!.GetValue<bool>());
        Assert.Equal(gate["unmet"]!.ToJsonString(), problem["unmet"]!.ToJsonString());
        Assert.Equal(size + 1, await _server.LedgerSizeAsync());

        var history = (await _admin.GetFromJsonAsync<JsonArray>($"/api/v1/systems/{_systemId}/stages"))!;
        var refusal = Assert.Single(history)!;
        Assert.Equal("stage.change_refused", refusal["type"]!.GetValue<string>());
        Assert.Equal("go live", refusal["reason"]!.GetValue<string>());
        Assert.Equal(gate["unmet"]!.ToJsonString(), refusal["unmet"]!.ToJsonString());
    }

    [Fact]
    public async Task AllowedChange_Answers200_WithTheSystemInItsNewStage()
    {
        var gate = (await _admin.GetFromJsonAsync<JsonObject>($"/api/v1/systems/{_systemId}/gates/retired"))!;
        Assert.True(gate["allowed"]!.GetValue<bool>());
        Assert.Empty(gate["unmet"]!.AsArray());
        var response = await _admin.PostAsJsonAsync($"/api/v1/systems/{_systemId}/stage", new { to = "retired" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("retired", answer["system"]!["stage"]!.GetValue<string>());
        Assert.True(answer["gate"]!["allowed"]!.GetValue<bool>());
        var entry = (await _admin.GetFromJsonAsync<JsonObject>($"/api/v1/ledger/entries/{answer["ledger_index"]}"))!;
        Assert.Equal("stage.changed", entry["event"]!["type"]!.GetValue<string>());
        Assert.Equal("retired", (await _admin.GetFromJsonAsync<JsonObject>($"/api/v1/systems/{_systemId}"))!["stage"]!.GetValue<string>());
    }

    [Fact]
    public async Task GateSettingsAndPolicy_AreRecordedPolicyChanges_ThatTheNextGateUses()
    {
        var put = await _admin.PutAsync("/v1/data/config/gates", StewardTestServer.Json("""{"sequential": true}"""));
        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        var gate = (await _admin.GetFromJsonAsync<JsonObject>($"/api/v1/systems/{_systemId}/gates/development"))!;
        Assert.Contains("stage_skipped", Rules(gate));

        var module = await _admin.PutAsync("/v1/policies/steward/gates.rego", new StringContent(
            "package steward.gates\nunmet contains {\"rule\": \"frozen\", \"message\": \"changes are frozen until January\"} if true\n"));
        Assert.Equal(HttpStatusCode.OK, module.StatusCode);
        Assert.Equal(["frozen"], Rules((await _admin.GetFromJsonAsync<JsonObject>($"/api/v1/systems/{_systemId}/gates/retired"))!));
    }

    [Theory]
    [InlineData("GET", "gates/production", null, HttpStatusCode.BadRequest)]
    [InlineData("POST", "stage", """{"to": "production"}""", HttpStatusCode.BadRequest)]
    [InlineData("POST", "stage", """{}""", HttpStatusCode.BadRequest)]
    [InlineData("POST", "stage", """{"to": "retired", "when": "now"}""", HttpStatusCode.BadRequest)]
    [InlineData("POST", "stage", """{"to": 3}""", HttpStatusCode.BadRequest)]
    [InlineData("POST", "stage", """not json""", HttpStatusCode.BadRequest)]
    public async Task BadInput_IsAProblem_AndRecordsNothing(string method, string path, string? body, HttpStatusCode status)
    {
        var size = await _server.LedgerSizeAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), $"/api/v1/systems/{_systemId}/{path}");
        if (body is not null) request.Content = StewardTestServer.Json(body);
        var response = await _admin.SendAsync(request);
        Assert.Equal(status, response.StatusCode);
        await StewardTestServer.ProblemAsync(response);
        Assert.Equal(size, await _server.LedgerSizeAsync());
    }

    [Fact]
    public async Task UnknownSystem_Is404_AndRolesAreEnforced()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync("/api/v1/systems/nope/gates/retired")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.PostAsJsonAsync("/api/v1/systems/nope/stage", new { to = "retired" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync("/api/v1/systems/nope/stages")).StatusCode);

        using var auditor = _server.Client(await _server.KeyAsync("audit@example.com", "auditor"));
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync($"/api/v1/systems/{_systemId}/gates/retired")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsJsonAsync($"/api/v1/systems/{_systemId}/stage", new { to = "retired" })).StatusCode);
        using var anonymous = _server.Client(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/systems/{_systemId}/gates/retired")).StatusCode);
    }
}
