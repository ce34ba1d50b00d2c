using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Steward.Server.Tests;

public sealed class SecurityTests : IAsyncLifetime
{
    private StewardTestServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await StewardTestServer.StartAsync();
    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Health_AndApiDocs_AreAnonymous()
    {
        using var anonymous = _server.Client(key: null);
        var health = await anonymous.GetFromJsonAsync<JsonObject>("/health");
        Assert.Equal("ok", health!["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/openapi/v1.json")).StatusCode);
        var docs = await anonymous.GetAsync("/docs/v1");
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/api/v1/systems")]
    [InlineData("POST", "/api/v1/systems")]
    [InlineData("GET", "/api/v1/decisions")]
    [InlineData("POST", "/api/v1/decisions")]
    [InlineData("GET", "/api/v1/ledger/checkpoint")]
    [InlineData("GET", "/api/v1/ledger/entries/0")]
    [InlineData("GET", "/api/v1/api-keys")]
    [InlineData("GET", "/api/v1/me")]
    [InlineData("GET", "/metrics")]
    public async Task EverythingElse_RequiresAuthentication(string method, string path)
    {
        using var anonymous = _server.Client(key: null);
        var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = StewardTestServer.Json("{}") });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await StewardTestServer.ProblemAsync(response);

        using var wrong = _server.Client("stw_00000000_not-a-real-key-at-all-0000000000");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.SendAsync(new HttpRequestMessage(new HttpMethod(method), path))).StatusCode);
    }

    [Fact]
    public async Task Metrics_ArePrometheusText_ForAuthenticatedCallers()
    {
        using var auditor = _server.Client(await _server.KeyAsync("prometheus", "auditor"));
        await auditor.GetAsync("/health");
        var text = await auditor.GetStringAsync("/metrics");
        Assert.Contains("# TYPE", text, StringComparison.Ordinal);
        Assert.Contains("http_requests_received_total", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Roles_AreEnforced_AndNothingIsAppendedOnRefusal()
    {
        var system = await _server.RegisterSystemAsync("roles-system");
        using var auditor = _server.Client(await _server.KeyAsync("auditor@example.com", "auditor"));
        using var contributor = _server.Client(await _server.KeyAsync("contrib@example.com", "contributor"));
        using var service = _server.Client(await _server.KeyAsync("pipeline", "service"));
        var before = await _server.LedgerSizeAsync();

        var forbidden = new (HttpClient Client, string Path, object Body)[]
        {
            (auditor, "/api/v1/systems", new { name = "x", owner = "o", risk_tier = "high" }),
            (service, "/api/v1/systems", new { name = "x", owner = "o", risk_tier = "high" }),
            (contributor, "/api/v1/decisions", new { type = "waiver", subject = new { kind = "system", id = system["id"]!.GetValue<string>() }, outcome = "approved", rationale = "r" }),
            (auditor, "/api/v1/api-keys", new { name = "k", roles = new[] { "admin" } }),
            (contributor, "/api/v1/api-keys", new { name = "k", roles = new[] { "admin" } }),
        };
        foreach (var (client, path, body) in forbidden)
        {
            var response = await client.PostAsJsonAsync(path, body);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            await StewardTestServer.ProblemAsync(response);
        }
        Assert.Equal(before, await _server.LedgerSizeAsync());

        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/api/v1/systems")).StatusCode);
        var model = await service.PostAsJsonAsync("/api/v1/models", new { name = "scorer-v1", owner = "ml@example.com", system_id = system["id"]!.GetValue<string>() });
        Assert.Equal(HttpStatusCode.Created, model.StatusCode);
    }

    [Fact]
    public async Task ApiKeys_AreShownOnce_Revocable_AndExpire()
    {
        using var admin = _server.Client();
        var created = await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "temp", roles = new[] { "auditor" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        var secret = body["key"]!.GetValue<string>();
        Assert.StartsWith($"stw_{body["prefix"]!.GetValue<string>()}_", secret, StringComparison.Ordinal);

        var list = await admin.GetStringAsync("/api/v1/api-keys");
        Assert.DoesNotContain(secret, list, StringComparison.Ordinal);
        Assert.Contains("\"prefix\"", list, StringComparison.Ordinal);

        using var temp = _server.Client(secret);
        var me = await temp.GetFromJsonAsync<JsonObject>("/api/v1/me");
        Assert.Equal("temp", me!["id"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/api-keys/{body["id"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await temp.GetAsync("/api/v1/me")).StatusCode);

        var past = await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "old", roles = new[] { "auditor" }, expires_at = "2000-01-01T00:00:00Z" });
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
    }

    [Fact]
    public async Task LedgerEntries_RecordTheAuthenticatedActor_AndNeverTheSecret()
    {
        var key = await _server.KeyAsync("carol@example.com", "contributor");
        var system = await _server.RegisterSystemAsync("actor-system", key);
        using var admin = _server.Client();
        var entry = await admin.GetFromJsonAsync<JsonObject>($"/api/v1/ledger/entries/{system["ledger_index"]}");
        Assert.Equal("carol@example.com", entry!["event"]!["actor"]!["id"]!.GetValue<string>());
        Assert.Equal("system.registered", entry["event"]!["type"]!.GetValue<string>());

        var keyEntries = await admin.GetStringAsync("/api/v1/ledger/entries?type=api_key.created&limit=500");
        Assert.DoesNotContain(key, keyEntries, StringComparison.Ordinal);
        Assert.DoesNotContain(StewardTestServer.AdminKey, keyEntries, StringComparison.Ordinal);
    }
}
