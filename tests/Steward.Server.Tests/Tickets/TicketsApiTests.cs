using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Steward.Server.Tests.Tickets;

/// <summary>The tickets API over Kestrel: the minimal contract, manual tickets, status rules, roles and bad input.</summary>
public sealed class TicketsApiTests : IAsyncLifetime
{
    private StewardTestServer _server = null!;
    private HttpClient _contributor = null!;
    private HttpClient _auditor = null!;
    private HttpClient _admin = null!;
    private string _systemId = "";

    public async ValueTask InitializeAsync()
    {
        _server = await StewardTestServer.StartAsync();
        _contributor = _server.Client(await _server.KeyAsync("carol@example.com", "contributor"));
        _auditor = _server.Client(await _server.KeyAsync("audit@example.com", "auditor"));
        _admin = _server.Client();
        _systemId = (await _server.RegisterSystemAsync("ticketed-system"))["id"]!.GetValue<string>();
    }

    public async ValueTask DisposeAsync()
    {
        _contributor.Dispose();
        _auditor.Dispose();
        _admin.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task ListBySystem_ShowsTheBlockingIntakeTicket()
    {
        var page = (await _auditor.GetFromJsonAsync<JsonObject>($"/api/v1/tickets?system_id={_systemId}"))!;
        var ticket = Assert.Single(page["items"]!.AsArray())!;
        Assert.Equal("ai_risk_assessment", ticket["kind"]!.GetValue<string>());
        Assert.Equal("open", ticket["status"]!.GetValue<string>());
        Assert.True(ticket["blocking"]!.GetValue<bool>());
        Assert.StartsWith("STW-", ticket["key"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(page["next_cursor"]);

        var detail = (await _auditor.GetFromJsonAsync<JsonObject>($"/api/v1/tickets/{ticket["key"]!.GetValue<string>()}"))!;
        Assert.Equal("opened", detail["history"]![0]!["action"]!.GetValue<string>());
        Assert.Empty(detail["deliveries"]!.AsArray()); // no tracker configured: nothing to mirror
        Assert.Empty((await _auditor.GetFromJsonAsync<JsonObject>("/api/v1/tickets?status=done"))!["items"]!.AsArray());
    }

    [Fact]
    public async Task ManualTicket_OpenChangeClose_AndIntakeClosureIsAdminOnly()
    {
        var created = await _contributor.PostAsJsonAsync("/api/v1/tickets", new { system_id = _systemId, title = "Write the model card", kind = "documentation" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var ticket = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        var id = ticket["id"]!.GetValue<string>();
        Assert.Equal($"/api/v1/tickets/{id}", created.Headers.Location!.ToString());

        var moved = await _contributor.PostAsJsonAsync($"/api/v1/tickets/{id}/status", new { status = "in_progress" });
        Assert.Equal("in_progress", (await moved.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<string>());
        var noReason = await _contributor.PostAsJsonAsync($"/api/v1/tickets/{id}/status", new { status = "done" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.NotNull((await StewardTestServer.ProblemAsync(noReason))["errors"]!["resolution"]);
        var done = await _contributor.PostAsJsonAsync($"/api/v1/tickets/{id}/status", new { status = "done", resolution = "published" });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var again = await _contributor.PostAsJsonAsync($"/api/v1/tickets/{id}/status", new { status = "done", resolution = "published" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var intake = (await _auditor.GetFromJsonAsync<JsonObject>($"/api/v1/tickets?system_id={_systemId}&status=open"))!["items"]![0]!["id"]!.GetValue<string>();
        var refused = await _contributor.PostAsJsonAsync($"/api/v1/tickets/{intake}/status", new { status = "done", resolution = "trust me" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("approved assessment", (await StewardTestServer.ProblemAsync(refused))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var overridden = await _admin.PostAsJsonAsync($"/api/v1/tickets/{intake}/status", new { status = "done", resolution = "assessed on paper, board minute 2026-11" });
        Assert.Equal(HttpStatusCode.OK, overridden.StatusCode);
        var entries = (await _auditor.GetFromJsonAsync<JsonObject>("/api/v1/ledger/entries?type=ticket.closed"))!["items"]!.AsArray();
        Assert.Contains(entries, e => e!["event"]!["data"]!["override"]?.GetValue<bool>() == true);
    }

    [Fact]
    public async Task BadInputAndRoles_AreProblemDetails()
    {
        var unknown = await _contributor.PostAsync("/api/v1/tickets", StewardTestServer.Json($$"""{"system_id":"{{_systemId}}","title":"t","colour":"red"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.NotNull((await StewardTestServer.ProblemAsync(unknown))["errors"]!["colour"]);
        var noSystem = await _contributor.PostAsJsonAsync("/api/v1/tickets", new { system_id = "nope", title = "t" });
        Assert.NotNull((await StewardTestServer.ProblemAsync(noSystem))["errors"]!["system_id"]);
        var malformed = await _contributor.PostAsync("/api/v1/tickets", StewardTestServer.Json("{\"title\":"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        var badStatus = await _auditor.GetAsync("/api/v1/tickets?status=closed");
        Assert.NotNull((await StewardTestServer.ProblemAsync(badStatus))["errors"]!["status"]);
        var badCursor = await _auditor.GetAsync("/api/v1/tickets?cursor=!!");
        Assert.Equal(HttpStatusCode.BadRequest, badCursor.StatusCode);
        var missing = await _auditor.GetAsync("/api/v1/tickets/STW-999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("STW-999", (await StewardTestServer.ProblemAsync(missing))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var wrongStatus = await _contributor.PostAsJsonAsync("/api/v1/tickets/STW-1/status", new { status = "closed" });
        Assert.NotNull((await StewardTestServer.ProblemAsync(wrongStatus))["errors"]!["status"]);

        var auditorWrite = await _auditor.PostAsJsonAsync("/api/v1/tickets", new { system_id = _systemId, title = "t" });
        Assert.Equal(HttpStatusCode.Forbidden, auditorWrite.StatusCode);
        using var anonymous = _server.Client(key: null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/tickets")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/tickets/outbox")).StatusCode);

        var backlog = (await _auditor.GetFromJsonAsync<JsonObject>("/api/v1/tickets/outbox"))!;
        Assert.Equal(0, backlog["pending"]!.GetValue<long>());
        // Without a configured secret the Jira webhook refuses everything.
        var hook = await anonymous.PostAsync("/api/v1/integrations/jira/webhook", StewardTestServer.Json("{}"));
        Assert.Equal(HttpStatusCode.Unauthorized, hook.StatusCode);
    }
}
