using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Steward.Server.Tests.Assessments;

namespace Steward.Server.Tests;

/// <summary>
/// The human firewall end to end over HTTP: intake ticket, assessment by one person and approval by another, gates on the
/// way to deployment (approvals, ethical review, a critical red-team finding and its risk acceptance), and a stage
/// change racing an invalidation.
/// </summary>
public sealed class GovernanceWorkflowTests : IAsyncLifetime
{
    private StewardTestServer _server = null!;
    private HttpClient _alice = null!;   // contributor: registers, assesses, asks for stage changes
    private HttpClient _bob = null!;     // approver
    private HttpClient _carol = null!;   // approver

    public async ValueTask InitializeAsync()
    {
        _server = await StewardTestServer.StartAsync();
        _alice = _server.Client(await _server.KeyAsync("alice@example.com", "contributor"));
        _bob = _server.Client(await _server.KeyAsync("bob@example.com", "approver"));
        _carol = _server.Client(await _server.KeyAsync("carol@example.com", "approver"));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var c in new[] { _alice, _bob, _carol }) c.Dispose();
        await _server.DisposeAsync();
    }

    private async Task<string> RegisterAsync(string name) =>
        (await _server.RegisterSystemAsync(name, await _server.KeyAsync($"{name}-owner@example.com", "contributor")))["id"]!.GetValue<string>();

    private async Task<string> ApprovedAssessmentAsync(string systemId)
    {
        var started = await _alice.PostAsJsonAsync($"/api/v1/systems/{systemId}/assessments", new { });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var id = (await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var answered = await _alice.PutAsync($"/api/v1/assessments/{id}/answers",
            StewardTestServer.Json(new JsonObject { ["answers"] = AssessmentTestData.LowRisk() }.ToJsonString()));
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _alice.PostAsync($"/api/v1/assessments/{id}/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _bob.PostAsync($"/api/v1/assessments/{id}/approve", null)).StatusCode);
        return id;
    }

    private async Task<string> DecideAsync(HttpClient who, string systemId, string type, string outcome = "approved")
    {
        var response = await who.PostAsJsonAsync("/api/v1/decisions", new { type, subject = new { kind = "system", id = systemId }, outcome, rationale = "reviewed" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    private async Task<List<string>> UnmetAsync(string systemId, string stage) =>
        [.. (await _alice.GetFromJsonAsync<JsonObject>($"/api/v1/systems/{systemId}/gates/{stage}"))!["unmet"]!.AsArray()
            .Select(u => u!["rule"]!.GetValue<string>()).Order()];

    private async Task<HttpStatusCode> MoveAsync(string systemId, string stage) =>
        (await _alice.PostAsJsonAsync($"/api/v1/systems/{systemId}/stage", new { to = stage })).StatusCode;

    [Fact]
    public async Task FromIntakeToDeployment_EveryGateHoldsUntilItsRequirementIsRecorded()
    {
        var system = await RegisterAsync("claims-triage");
        var tickets = (await _alice.GetFromJsonAsync<JsonObject>($"/api/v1/tickets?system_id={system}"))!["items"]!.AsArray();
        var intake = Assert.Single(tickets)!;
        Assert.Equal(("open", true), (intake["status"]!.GetValue<string>(), intake["blocking"]!.GetValue<bool>()));
        Assert.Equal(["blocking_ticket_open", "risk_assessment_approved"], await UnmetAsync(system, "risk_assessment"));
        Assert.Equal(HttpStatusCode.Conflict, await MoveAsync(system, "risk_assessment"));

        await ApprovedAssessmentAsync(system);
        var closed = (await _alice.GetFromJsonAsync<JsonObject>($"/api/v1/tickets?system_id={system}"))!["items"]![0]!;
        Assert.Equal("done", closed["status"]!.GetValue<string>());
        foreach (var stage in new[] { "risk_assessment", "development", "validation" })
            Assert.Equal(HttpStatusCode.OK, await MoveAsync(system, stage));

        var finding = await _alice.PostAsJsonAsync("/api/v1/redteam/findings", new
        {
            system_id = system, title = "Model inversion leaks training rows", description = "Membership inference succeeded on 12% of probes.",
            severity = "critical", atlas = new[] { "AML.T0024.001" }, owasp_llm = Array.Empty<string>(),
        });
        Assert.Equal(HttpStatusCode.Created, finding.StatusCode);
        var findingId = (await finding.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        Assert.Equal(["business_approval", "ethical_review", "open_finding"], await UnmetAsync(system, "deployment"));

        await DecideAsync(_bob, system, "business_approval");
        await DecideAsync(_carol, system, "ethical_review");
        Assert.Equal(["open_finding"], await UnmetAsync(system, "deployment"));
        var acceptance = await DecideAsync(_carol, system, "risk_acceptance");
        var accepted = await _bob.PostAsJsonAsync($"/api/v1/redteam/findings/{findingId}/status",
            new { status = "risk_accepted", risk_acceptance_decision = acceptance, note = "compensating control: output filtering" });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Empty(await UnmetAsync(system, "deployment"));
        Assert.Equal(HttpStatusCode.OK, await MoveAsync(system, "deployment"));

        // A correction of the risk acceptance (superseding it with a rejection) puts the finding back in the way.
        var undo = await _bob.PostAsJsonAsync("/api/v1/decisions", new
        {
            type = "risk_acceptance", subject = new { kind = "system", id = system }, outcome = "rejected", rationale = "control not in place", supersedes = acceptance,
        });
        Assert.Equal(HttpStatusCode.Created, undo.StatusCode);
        Assert.Equal(["open_finding"], await UnmetAsync(system, "monitoring"));

        var report = await _alice.GetStringAsync($"/api/v1/systems/{system}/reports/technical-documentation?format=html");
        foreach (var text in new[] { "assessment approved", "redteam finding recorded", "moved the system from validation to deployment", "ticket" })
            Assert.Contains(text, report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StageChangesRacingInvalidations_AreEachDecidedOnOneConsistentState()
    {
        for (var round = 0; round < 6; round++)
        {
            var system = await RegisterAsync($"race-{round}");
            await ApprovedAssessmentAsync(system);
            var move = _alice.PostAsJsonAsync($"/api/v1/systems/{system}/stage", new { to = "risk_assessment" });
            var change = _alice.PatchAsync($"/api/v1/systems/{system}", StewardTestServer.Json($"{{\"purpose\": \"changed purpose {round}\"}}"));
            await Task.WhenAll(move, change);
            Assert.Equal(HttpStatusCode.OK, (await change).StatusCode);

            var entries = (await _alice.GetFromJsonAsync<JsonObject>($"/api/v1/ledger/entries?subject_kind=system&subject_id={system}&limit=100"))!["items"]!.AsArray()
                .Select(e => (Index: e!["index"]!.GetValue<long>(), Type: e["event"]!["type"]!.GetValue<string>())).ToList();
            var updated = entries.Single(e => e.Type == "system.updated").Index;
            if ((await move).StatusCode == HttpStatusCode.OK)
            {
                // The change committed first, on a state where the assessment was still approved (the update's own
                // transaction invalidated it afterwards).
                Assert.True(entries.Single(e => e.Type == "stage.changed").Index < updated);
            }
            else
            {
                Assert.Equal(HttpStatusCode.Conflict, (await move).StatusCode);
                var problem = await StewardTestServer.ProblemAsync(await move);
                Assert.Contains(problem["unmet"]!.AsArray(), u => u!["rule"]!.GetValue<string>() == "risk_assessment_approved");
                Assert.DoesNotContain(entries, e => e.Type == "stage.changed");
            }
            Assert.Equal(["risk_assessment_approved"], (await UnmetAsync(system, "development")).Where(r => r == "risk_assessment_approved"));
        }
    }
}
