using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Steward.Client;

namespace Steward.Server.Tests.RedTeam;

public sealed class RedTeamApiTests : IAsyncLifetime
{
    private StewardTestServer _server = null!;
    private HttpClient _contributor = null!;
    private HttpClient _approver = null!;
    private HttpClient _auditor = null!;
    private string _systemId = "";

    public async ValueTask InitializeAsync()
    {
        _server = await StewardTestServer.StartAsync();
        _contributor = _server.Client(await _server.KeyAsync("carol@example.com", "contributor"));
        _approver = _server.Client(await _server.KeyAsync("bob@example.com", "approver"));
        _auditor = _server.Client(await _server.KeyAsync("dave@example.com", "auditor"));
        _systemId = (await _server.RegisterSystemAsync("support-chatbot"))["id"]!.GetValue<string>();
    }

    public async ValueTask DisposeAsync()
    {
        _contributor.Dispose();
        _approver.Dispose();
        _auditor.Dispose();
        await _server.DisposeAsync();
    }

    private JsonObject FindingBody(string severity = "critical") => new()
    {
        ["system_id"] = _systemId,
        ["title"] = "Canary leaked through prompt injection",
        ["description"] = "The assistant followed instructions embedded in a pasted document.",
        ["severity"] = severity,
        ["atlas"] = new JsonArray("AML.T0051.000"),
        ["owasp_llm"] = new JsonArray("LLM01"),
        ["evidence"] = new JsonArray(new JsonObject { ["sha256"] = new string('c', 64) }),
    };

    private async Task<string> DecisionAsync(string type, string outcome)
    {
        var response = await _approver.PostAsJsonAsync("/api/v1/decisions", new JsonObject
        {
            ["type"] = type, ["subject"] = new JsonObject { ["kind"] = "system", ["id"] = _systemId },
            ["outcome"] = outcome, ["rationale"] = "residual risk reviewed by the risk board",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    [Fact]
    public async Task Exercise_CreatedByContributor_ListedBySystem_RefusedForAuditorAndBadDates()
    {
        var body = new JsonObject
        {
            ["system_id"] = _systemId, ["name"] = "Q4 prompt-injection sprint", ["scope"] = "public chat endpoint",
            ["starts_on"] = "2026-11-02", ["ends_on"] = "2026-11-06", ["team"] = new JsonArray("carol@example.com", "erin@example.com"),
        };
        var created = await _contributor.PostAsJsonAsync("/api/v1/redteam/exercises", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var exercise = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("planned", exercise["status"]!.GetValue<string>());
        Assert.Equal("2026-11-06", exercise["ends_on"]!.GetValue<string>());
        Assert.Equal("carol@example.com", exercise["created_by"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.Forbidden, (await _auditor.PostAsJsonAsync("/api/v1/redteam/exercises", body)).StatusCode);
        var listed = await _auditor.GetFromJsonAsync<JsonObject>($"/api/v1/redteam/exercises?system_id={_systemId}");
        Assert.Single(listed!["items"]!.AsArray());
        Assert.Empty((await _auditor.GetFromJsonAsync<JsonObject>("/api/v1/redteam/exercises?system_id=other"))!["items"]!.AsArray());

        var moved = await _contributor.PostAsJsonAsync($"/api/v1/redteam/exercises/{exercise["id"]}/status", new { status = "running" });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var again = await _contributor.PostAsJsonAsync($"/api/v1/redteam/exercises/{exercise["id"]}/status", new { status = "running" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        await StewardTestServer.ProblemAsync(again);

        body["ends_on"] = "2026-11-01";
        body["starts_on"] = "2026-13-01";
        var bad = await _contributor.PostAsJsonAsync("/api/v1/redteam/exercises", body);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await StewardTestServer.ProblemAsync(bad);
        Assert.NotNull(problem["errors"]!["starts_on"]);
        var unknownField = await _contributor.PostAsync("/api/v1/redteam/exercises", StewardTestServer.Json("{\"system_id\":\"x\",\"colour\":\"red\"}"));
        Assert.Equal(HttpStatusCode.BadRequest, unknownField.StatusCode);
        Assert.NotNull((await StewardTestServer.ProblemAsync(unknownField))["errors"]!["colour"]);
        Assert.Equal(HttpStatusCode.NotFound, (await _auditor.GetAsync("/api/v1/redteam/exercises/nope")).StatusCode);
    }

    [Fact]
    public async Task Finding_BadIdsAreFieldErrors_FiltersWork()
    {
        var body = FindingBody();
        body["atlas"] = new JsonArray("T0043", "AML.T0999");
        body["owasp_llm"] = new JsonArray("LLM11");
        var bad = await _contributor.PostAsJsonAsync("/api/v1/redteam/findings", body);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await StewardTestServer.ProblemAsync(bad))["errors"]!.AsObject();
        Assert.Equal(["atlas[0]", "atlas[1]", "owasp_llm[0]"], errors.Select(e => e.Key).Order());

        Assert.Equal(HttpStatusCode.Created, (await _contributor.PostAsJsonAsync("/api/v1/redteam/findings", FindingBody("critical"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await _contributor.PostAsJsonAsync("/api/v1/redteam/findings", FindingBody("low"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _auditor.PostAsJsonAsync("/api/v1/redteam/findings", FindingBody())).StatusCode);
        using (var ci = _server.Client(await _server.KeyAsync("ci-probes", "service")))
        {
            // A CI job running the probe kit records with a service key; it cannot change statuses.
            var recorded = await ci.PostAsJsonAsync("/api/v1/redteam/findings", FindingBody("info"));
            Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
            var id = (await recorded.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
            Assert.Equal(HttpStatusCode.Forbidden, (await ci.PostAsJsonAsync($"/api/v1/redteam/findings/{id}/status", new { status = "mitigated", note = "n" })).StatusCode);
        }
        var critical = await _auditor.GetFromJsonAsync<JsonObject>($"/api/v1/redteam/findings?system_id={_systemId}&severity=critical&status=open");
        Assert.Single(critical!["items"]!.AsArray());
        var badFilter = await _auditor.GetAsync("/api/v1/redteam/findings?status=closed");
        Assert.Equal(HttpStatusCode.BadRequest, badFilter.StatusCode);
        await StewardTestServer.ProblemAsync(badFilter);
        var catalog = await _auditor.GetFromJsonAsync<JsonObject>("/api/v1/redteam/catalog");
        Assert.Equal("Craft Adversarial Data", catalog!["atlas"]!["AML.T0043"]!.GetValue<string>());
        Assert.Equal("System Prompt Leakage", catalog["owasp_llm"]!["LLM07"]!.GetValue<string>());
    }

    [Fact]
    public async Task RiskAcceptance_OnlyApproversWithAnApprovedRiskAcceptanceDecision_EachRefusalAProblem()
    {
        var id = (await (await _contributor.PostAsJsonAsync("/api/v1/redteam/findings", FindingBody())).Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var path = $"/api/v1/redteam/findings/{id}/status";
        var accept = await DecisionAsync("risk_acceptance", "approved");
        var rejected = await DecisionAsync("risk_acceptance", "rejected");
        var business = await DecisionAsync("business_approval", "approved");

        async Task<JsonObject> Refused(HttpClient client, object body, HttpStatusCode status)
        {
            var response = await client.PostAsJsonAsync(path, body);
            Assert.Equal(status, response.StatusCode);
            return await StewardTestServer.ProblemAsync(response);
        }

        await Refused(_contributor, new { status = "risk_accepted", risk_acceptance_decision = accept, note = "ok" }, HttpStatusCode.Forbidden);
        await Refused(_auditor, new { status = "mitigated", note = "fixed" }, HttpStatusCode.Forbidden);
        var missing = await Refused(_approver, new { status = "risk_accepted", note = "ok" }, HttpStatusCode.BadRequest);
        Assert.NotNull(missing["errors"]!["risk_acceptance_decision"]);
        await Refused(_approver, new { status = "risk_accepted", risk_acceptance_decision = "no-such-decision", note = "ok" }, HttpStatusCode.BadRequest);
        Assert.Contains("not approved", (await Refused(_approver, new { status = "risk_accepted", risk_acceptance_decision = rejected, note = "ok" }, HttpStatusCode.Conflict))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await Refused(_approver, new { status = "risk_accepted", risk_acceptance_decision = business, note = "ok" }, HttpStatusCode.Conflict);
        await Refused(_approver, new { status = "risk_accepted", risk_acceptance_decision = accept }, HttpStatusCode.BadRequest);

        var size = await _server.LedgerSizeAsync();
        var ok = await _approver.PostAsJsonAsync(path, new { status = "risk_accepted", risk_acceptance_decision = accept, note = "accepted until the Q1 retraining" });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var finding = (await ok.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(accept, finding["risk_acceptance"]!.GetValue<string>());
        Assert.Equal(size + 1, await _server.LedgerSizeAsync());
        var entry = await _auditor.GetFromJsonAsync<JsonObject>($"/api/v1/ledger/entries/{finding["ledger_index"]}");
        Assert.Equal("redteam.finding.status_changed", entry!["event"]!["type"]!.GetValue<string>());

        var reopened = await _contributor.PostAsJsonAsync(path, new { status = "open", note = "the accepted risk no longer applies" });
        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
    }

    [Fact]
    public async Task Sdk_RecordsListsAndChangesFindings()
    {
        using var client = new StewardClient(_server.BaseAddress, await _server.KeyAsync("frank@example.com", "approver"));
        var exercise = await client.RedTeam.CreateExerciseAsync(new CreateExerciseRequest
        {
            SystemId = _systemId, Name = "Robustness", Scope = "scoring endpoint", StartsOn = "2026-12-01", EndsOn = "2026-12-01", Team = ["frank@example.com"],
        });
        var finding = await client.RedTeam.RecordFindingAsync(new RecordFindingRequest
        {
            SystemId = _systemId, ExerciseId = exercise.Id, Title = "Label flips under typos", Description = "3 of 40 perturbations flipped the label.",
            Severity = "medium", Atlas = ["AML.T0043"], Source = "probe:classifier",
        });
        Assert.Equal("open", finding.Status);
        var page = await client.RedTeam.ListFindingsAsync(new FindingFilter(ExerciseId: exercise.Id));
        Assert.Equal(finding.Id, Assert.Single(page.Items).Id);
        var mitigated = await client.RedTeam.ChangeFindingStatusAsync(finding.Id, new FindingStatusChange("mitigated", "input normalisation added"));
        Assert.Equal("mitigated", (await client.RedTeam.GetFindingAsync(finding.Id)).Status);
        Assert.Equal("frank@example.com", mitigated.StatusChangedBy);
        var error = await Assert.ThrowsAsync<StewardApiException>(() => client.RedTeam.GetExerciseAsync("missing"));
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("running", (await client.RedTeam.ChangeExerciseStatusAsync(exercise.Id, "running")).Status);
    }
}
