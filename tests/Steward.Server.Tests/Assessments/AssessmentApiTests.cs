using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Steward.Server.Tests.Assessments;

public sealed class AssessmentApiTests : IAsyncLifetime
{
    private StewardTestServer _server = null!;
    private HttpClient _alice = null!;   // contributor
    private HttpClient _bob = null!;     // approver
    private HttpClient _carol = null!;   // approver and contributor
    private HttpClient _auditor = null!;
    private string _systemId = "";

    public async ValueTask InitializeAsync()
    {
        _server = await StewardTestServer.StartAsync(new Dictionary<string, string?> { ["Assessments:Frameworks:EuAiAct:HighRisk"] = "2030-01-01" });
        _alice = _server.Client(await _server.KeyAsync("alice@example.com", "contributor"));
        _bob = _server.Client(await _server.KeyAsync("bob@example.com", "approver"));
        _carol = _server.Client(await _server.KeyAsync("carol@example.com", "approver", "contributor"));
        _auditor = _server.Client(await _server.KeyAsync("audrey@example.com", "auditor"));
        _systemId = (await _server.RegisterSystemAsync("assessed-system"))["id"]!.GetValue<string>();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var c in new[] { _alice, _bob, _carol, _auditor }) c.Dispose();
        await _server.DisposeAsync();
    }

    private async Task<string> StartAsync(HttpClient client, object? body = null)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/systems/{_systemId}/assessments", body ?? new { });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    private static Task<HttpResponseMessage> AnswerAsync(HttpClient client, string id, JsonObject answers) =>
        client.PutAsync($"/api/v1/assessments/{id}/answers", StewardTestServer.Json(new JsonObject { ["answers"] = answers }.ToJsonString()));

    private async Task<string> SubmittedAsync(HttpClient submitter)
    {
        var id = await StartAsync(submitter);
        Assert.Equal(HttpStatusCode.OK, (await AnswerAsync(submitter, id, AssessmentTestData.LowRisk())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await submitter.PostAsync($"/api/v1/assessments/{id}/submit", null)).StatusCode);
        return id;
    }

    private async Task<List<string>> LedgerTypesAsync()
    {
        using var admin = _server.Client();
        var page = await admin.GetFromJsonAsync<JsonObject>($"/api/v1/ledger/entries?subject_kind=system&subject_id={_systemId}&limit=500");
        return page!["items"]!.AsArray().Select(e => e!["event"]?["type"]?.GetValue<string>() ?? e!["type"]!.GetValue<string>()).ToList();
    }

    [Fact]
    public async Task FillSubmitApprove_OverHttp_WithScoreAndVisibleQuestions()
    {
        var id = await StartAsync(_alice);
        var detail = (await _alice.GetFromJsonAsync<JsonObject>($"/api/v1/assessments/{id}"))!;
        Assert.Equal("draft", detail["assessment"]!["status"]!.GetValue<string>());
        Assert.Equal("ai-risk-assessment", detail["template"]!["id"]!.GetValue<string>());
        var questions = detail["sections"]!.AsArray().SelectMany(s => s!["questions"]!.AsArray()).Select(q => q!["id"]!.GetValue<string>()).ToList();
        Assert.Contains("uses_personal_data", questions);
        Assert.DoesNotContain("lawful_basis", questions);

        var partial = await AnswerAsync(_alice, id, new JsonObject { ["uses_personal_data"] = true });
        var after = (await partial.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains(after["sections"]!.AsArray().SelectMany(s => s!["questions"]!.AsArray()), q => q!["id"]!.GetValue<string>() == "lawful_basis");
        Assert.Contains("lawful_basis", after["missing"]!.AsArray().Select(m => m!.GetValue<string>()));

        var early = await _alice.PostAsync($"/api/v1/assessments/{id}/submit", null);
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.NotNull((await StewardTestServer.ProblemAsync(early))["errors"]!["answers.lawful_basis"]);

        Assert.Equal(HttpStatusCode.OK, (await AnswerAsync(_alice, id, AssessmentTestData.LowRisk())).StatusCode);
        var submit = await _alice.PostAsync($"/api/v1/assessments/{id}/submit", null);
        Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        var submitted = (await submit.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(("submitted", "passed", "minimal"), (submitted["status"]!.GetValue<string>(), submitted["outcome"]!.GetValue<string>(), submitted["risk_tier"]!.GetValue<string>()));
        Assert.Equal(1, submitted["residual_risk"]!.GetValue<int>());
        var obligations = submitted["score"]!["obligations"]!.AsArray();
        Assert.Contains(obligations, o => o!["id"]!.GetValue<string>() == "eu_ai_act_ai_literacy" && o["applies_now"]!.GetValue<bool>());

        var contributorApproves = await _alice.PostAsync($"/api/v1/assessments/{id}/approve", null);
        Assert.Equal(HttpStatusCode.Forbidden, contributorApproves.StatusCode);
        var approve = await _bob.PostAsJsonAsync($"/api/v1/assessments/{id}/approve", new { comment = "reviewed with the model card" });
        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        var approved = (await _auditor.GetFromJsonAsync<JsonObject>($"/api/v1/assessments/{id}"))!["assessment"]!;
        Assert.Equal(("approved", "bob@example.com"), (approved["status"]!.GetValue<string>(), approved["decided_by"]!.GetValue<string>()));

        var listed = (await _auditor.GetFromJsonAsync<JsonObject>($"/api/v1/systems/{_systemId}/assessments"))!;
        Assert.Equal(id, Assert.Single(listed["items"]!.AsArray())!["id"]!.GetValue<string>());
        Assert.Single((await _auditor.GetFromJsonAsync<JsonObject>("/api/v1/assessments?status=approved"))!["items"]!.AsArray());

        var types = await LedgerTypesAsync();
        foreach (var t in new[] { "assessment.started", "assessment.answered", "assessment.submitted", "assessment.approved" }) Assert.Contains(t, types);
    }

    [Fact]
    public async Task SelfApproval_Is403ProblemDetails_AndRecorded()
    {
        var id = await SubmittedAsync(_carol);
        var response = await _carol.PostAsync($"/api/v1/assessments/{id}/approve", null);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await StewardTestServer.ProblemAsync(response);
        Assert.Contains("separation of duties", problem["detail"]!.GetValue<string>());
        Assert.Contains("assessment.self_approval_refused", await LedgerTypesAsync());
        Assert.Equal("submitted", (await _carol.GetFromJsonAsync<JsonObject>($"/api/v1/assessments/{id}"))!["assessment"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task TwoApproversAtOnce_OneApprovalOneConflict()
    {
        var id = await SubmittedAsync(_alice);
        var responses = await Task.WhenAll(_bob.PostAsync($"/api/v1/assessments/{id}/approve", null), _carol.PostAsync($"/api/v1/assessments/{id}/approve", null));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        await StewardTestServer.ProblemAsync(responses.Single(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Single(await LedgerTypesAsync(), "assessment.approved");
    }

    [Fact]
    public async Task RetiredTemplateVersion_RefusesAnswersAndStart_409()
    {
        var id = await StartAsync(_alice);
        using var admin = _server.Client();
        var yaml = (await admin.GetFromJsonAsync<JsonObject>("/api/v1/assessment-templates/ai-risk-assessment"))!["yaml"]!.GetValue<string>();
        var published = await admin.PostAsync("/api/v1/assessment-templates", new StringContent(yaml.Replace("version: 1", "version: 2", StringComparison.Ordinal), Encoding.UTF8, "application/yaml"));
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/v1/assessment-templates/ai-risk-assessment/versions/1/retire", new { })).StatusCode);
        var retire = await admin.PostAsJsonAsync("/api/v1/assessment-templates/ai-risk-assessment/versions/1/retire", new { reason = "replaced by version 2" });
        Assert.Equal(HttpStatusCode.OK, retire.StatusCode);

        var answer = await AnswerAsync(_alice, id, new JsonObject { ["uses_personal_data"] = false });
        Assert.Equal(HttpStatusCode.Conflict, answer.StatusCode);
        Assert.Contains("retired", (await StewardTestServer.ProblemAsync(answer))["detail"]!.GetValue<string>());
        var start = await _alice.PostAsJsonAsync($"/api/v1/systems/{_systemId}/assessments", new { template = "ai-risk-assessment", template_version = 1 });
        Assert.Equal(HttpStatusCode.Conflict, start.StatusCode);
        await StewardTestServer.ProblemAsync(start);
        var versions = (await _auditor.GetFromJsonAsync<JsonArray>("/api/v1/assessment-templates"))!.Single()!["versions"]!.AsArray();
        Assert.Equal(["active", "retired"], versions.Select(v => v!["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Publish_MalformedYaml_Is400WithTheLine_AndNeedsAdmin()
    {
        using var admin = _server.Client();
        var bad = await admin.PostAsync("/api/v1/assessment-templates", new StringContent("id: x1\nversion: 1\ntitle: t\nsections:\n  - id: a\n    title: A\n    questions:\n      - id: q\n        text: Q?\n        type: maybe\n", Encoding.UTF8, "application/yaml"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var message = (await StewardTestServer.ProblemAsync(bad))["errors"]!["body"]![0]!.GetValue<string>();
        Assert.StartsWith("line 10, column", message);
        Assert.Contains("type 'maybe'", message);
        var json = await admin.PostAsync("/api/v1/assessment-templates", StewardTestServer.Json("{}"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        await StewardTestServer.ProblemAsync(json);
        Assert.Equal(HttpStatusCode.Forbidden, (await _bob.PostAsync("/api/v1/assessment-templates", new StringContent("id: x", Encoding.UTF8, "application/yaml"))).StatusCode);
    }

    [Theory]
    [InlineData("{\"answers\": {\"affected_people\": \"many\"}}", "answers.affected_people")]
    [InlineData("{\"answers\": {\"annex3_area\": \"astrology\"}}", "answers.annex3_area")]
    [InlineData("{\"answers\": {\"no_such\": true}}", "answers.no_such")]
    [InlineData("{\"answers\": {\"dpia_evidence\": {\"uri\": \"http://insecure.example.com\"}}}", "answers.dpia_evidence")]
    [InlineData("{\"answers\": {\"lawful_basis\": \"contract\"}}", "answers.lawful_basis")]
    [InlineData("{\"answer\": {}}", "answer")]
    [InlineData("{\"answers\": {}}", "answers")]
    [InlineData("{\"answers\": [1]}", "answers")]
    [InlineData("not json", "body")]
    public async Task BadAnswers_Are400NamingTheField(string body, string field)
    {
        var id = await StartAsync(_alice);
        var response = await _alice.PutAsync($"/api/v1/assessments/{id}/answers", StewardTestServer.Json(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await StewardTestServer.ProblemAsync(response))["errors"]![field]);
    }

    [Fact]
    public async Task Roles_AndMissingThings_AreProblemDetails()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await _auditor.PostAsJsonAsync($"/api/v1/systems/{_systemId}/assessments", new { })).StatusCode);
        var missing = await _alice.PostAsJsonAsync("/api/v1/systems/nope/assessments", new { });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        await StewardTestServer.ProblemAsync(missing);
        Assert.Equal(HttpStatusCode.NotFound, (await _alice.GetAsync("/api/v1/assessments/nope")).StatusCode);
        var unknown = await _alice.PostAsJsonAsync($"/api/v1/systems/{_systemId}/assessments", new { template = "no-such-template" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var extra = await _alice.PostAsJsonAsync($"/api/v1/systems/{_systemId}/assessments", new { templat = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, extra.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await _alice.PostAsync($"/api/v1/systems/{_systemId}/assessments", null)).StatusCode);

        var id = await SubmittedAsync(_alice);
        Assert.Equal(HttpStatusCode.BadRequest, (await _bob.PostAsJsonAsync($"/api/v1/assessments/{id}/reject", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _alice.PostAsJsonAsync($"/api/v1/assessments/{id}/invalidate", new { reason = "x" })).StatusCode);
        var invalidate = await _bob.PostAsJsonAsync($"/api/v1/assessments/{id}/invalidate", new { reason = "training data replaced" });
        Assert.Equal(HttpStatusCode.OK, invalidate.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await _bob.PostAsync($"/api/v1/assessments/{id}/approve", null)).StatusCode);
    }

    [Fact]
    public async Task MaterialChangeOfTheSystem_InvalidatesItsApprovedAssessment()
    {
        var id = await SubmittedAsync(_alice);
        Assert.Equal(HttpStatusCode.OK, (await _bob.PostAsync($"/api/v1/assessments/{id}/approve", null)).StatusCode);
        var patch = await _alice.PatchAsync($"/api/v1/systems/{_systemId}", StewardTestServer.Json("{\"risk_tier\": \"limited\"}"));
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        var a = (await _auditor.GetFromJsonAsync<JsonObject>($"/api/v1/assessments/{id}"))!["assessment"]!;
        Assert.Equal("invalidated", a["status"]!.GetValue<string>());
        Assert.Contains("risk_tier changed", a["invalidation_reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task ConfiguredFrameworkDate_DecidesWhetherAnObligationAppliesNow()
    {
        var id = await StartAsync(_alice);
        var answers = AssessmentTestData.LowRisk();
        answers["annex3_area"] = "employment";
        answers["annex3_profiling"] = true;
        answers["fria_done"] = true;
        Assert.Equal(HttpStatusCode.OK, (await AnswerAsync(_alice, id, answers)).StatusCode);
        var submitted = (await (await _alice.PostAsync($"/api/v1/assessments/{id}/submit", null)).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("high", submitted["risk_tier"]!.GetValue<string>());
        var highRisk = submitted["score"]!["obligations"]!.AsArray().Single(o => o!["id"]!.GetValue<string>() == "eu_ai_act_high_risk_annex_iii")!;
        Assert.Equal("2030-01-01", highRisk["applies_from"]!.GetValue<string>());
        Assert.False(highRisk["applies_now"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Gate_SeesTheAssessment_ApprovedOpensIntake_MaterialChangeClosesItAgain()
    {
        async Task<List<string>> UnmetAsync() =>
            [.. (await _auditor.GetFromJsonAsync<JsonObject>($"/api/v1/systems/{_systemId}/gates/risk_assessment"))!["unmet"]!.AsArray()
                .Select(u => u!["rule"]!.GetValue<string>())];

        Assert.Contains("risk_assessment_approved", await UnmetAsync());
        var id = await SubmittedAsync(_alice);
        Assert.Contains("risk_assessment_approved", await UnmetAsync());
        Assert.Equal(HttpStatusCode.OK, (await _bob.PostAsync($"/api/v1/assessments/{id}/approve", null)).StatusCode);
        Assert.DoesNotContain("risk_assessment_approved", await UnmetAsync());

        Assert.Equal(HttpStatusCode.OK, (await _alice.PatchAsync($"/api/v1/systems/{_systemId}", StewardTestServer.Json("{\"purpose\": \"credit and collections\"}"))).StatusCode);
        var gate = (await _auditor.GetFromJsonAsync<JsonObject>($"/api/v1/systems/{_systemId}/gates/risk_assessment"))!;
        var unmet = gate["unmet"]!.AsArray().Single(u => u!["rule"]!.GetValue<string>() == "risk_assessment_approved")!;
        Assert.Contains("invalidated (material change of the system: purpose changed", unmet["message"]!.GetValue<string>());
    }
}
