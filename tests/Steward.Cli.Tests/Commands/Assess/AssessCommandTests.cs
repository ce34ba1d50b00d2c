using System.Text.Json.Nodes;
using Steward.Cli.Tests.EndToEnd;

namespace Steward.Cli.Tests.Commands.Assess;

/// <summary><c>steward assess</c> against a live server: the whole workflow, and every refusal as one line on stderr.</summary>
public sealed class AssessCommandTests(LiveServer server) : IClassFixture<LiveServer>
{
    private const string LowRisk = """
        {
          "art5_manipulation": false, "art5_vulnerabilities": false, "art5_social_scoring": false,
          "art5_emotion_workplace": false, "art5_biometric_categorisation": false, "annex1_safety_component": false,
          "annex3_area": "none", "interacts_with_people": false, "generates_synthetic_content": false,
          "sector_law": "none", "technical_documentation": true, "record_keeping_logs": true,
          "transparency_instructions": true, "affected_groups": "internal analysts", "affected_people": 40, "vulnerable_groups": false,
          "bias_testing": "none", "explainability": "global", "contestability": true, "decision_autonomy": "advisory",
          "failure_impact": "minor", "risk_management_process": true, "fallback_procedure": true, "stop_mechanism": true,
          "oversight_training": true, "accuracy_declared": true, "incident_reporting": true,
          "model_kind": "classical_ml", "adversarial_testing": "planned", "data_provenance": true, "poisoning_controls": true,
          "public_model_access": false, "third_party_components": false
        }
        """;

    private async Task<(string System, string Contributor, string Approver)> SetUpAsync()
    {
        var system = JsonNode.Parse(await server.OkAsync(["system", "register", "--name", $"assessed-{Guid.NewGuid():N}", "--owner", "risk@example.com", "--risk-tier", "high", "--json"]))!["id"]!.GetValue<string>();
        var contributor = JsonNode.Parse(await server.OkAsync(["apikey", "create", "--name", $"alice-{Guid.NewGuid():N}", "--role", "contributor", "--role", "approver", "--json"]))!["key"]!.GetValue<string>();
        var approver = JsonNode.Parse(await server.OkAsync(["apikey", "create", "--name", $"bob-{Guid.NewGuid():N}", "--role", "approver", "--json"]))!["key"]!.GetValue<string>();
        return (system, contributor, approver);
    }

    [Fact]
    public async Task StartAnswerSubmitApprove_ShowAndList()
    {
        var (system, alice, bob) = await SetUpAsync();
        var started = await server.OkAsync(["assess", "start", "--system", system], alice);
        var id = started.Split(' ')[0];
        Assert.Contains("draft, template ai-risk-assessment version 1", started, StringComparison.Ordinal);

        var answered = await server.OkAsync(["assess", "answer", id, "--question", "uses_personal_data", "--value", "no"], alice);
        Assert.Contains("recorded 1 answer(s)", answered, StringComparison.Ordinal);
        var file = server.Scratch($"answers-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, LowRisk, TestContext.Current.CancellationToken);
        Assert.Contains("recorded 33 answer(s); 1 required question(s) still open", await server.OkAsync(["assess", "answer", id, "--file", file], alice), StringComparison.Ordinal);
        await server.OkAsync(["assess", "answer", id, "--question", "monitoring_in_place", "--value", "yes"], alice);
        var plan = server.Scratch($"plan-{Guid.NewGuid():N}.pdf");
        await File.WriteAllTextAsync(plan, "monitoring plan", TestContext.Current.CancellationToken);
        Assert.Contains("0 required question(s) still open", await server.OkAsync(["assess", "answer", id, "--question", "monitoring_plan", "--value", plan], alice), StringComparison.Ordinal);

        var shown = await server.OkAsync(["assess", "show", id], alice);
        Assert.Contains("monitoring_plan [evidence]: {\"sha256\":\"", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("lawful_basis", shown, StringComparison.Ordinal);

        var submitted = await server.OkAsync(["assess", "submit", id], alice);
        Assert.Contains("outcome:        passed", submitted, StringComparison.Ordinal);
        Assert.Contains("EU AI Act tier: minimal", submitted, StringComparison.Ordinal);

        var self = await server.RunAsync(["assess", "approve", id], alice);
        self.AssertOneErrorLine("separation of duties");
        var approved = await server.OkAsync(["assess", "approve", id, "--comment", "checked"], bob);
        Assert.Contains($"assessment {id}: approved", approved, StringComparison.Ordinal);

        var listed = await server.OkAsync(["assess", "list", "--system", system], alice);
        Assert.Contains(id, listed, StringComparison.Ordinal);
        Assert.Contains("approved", listed, StringComparison.Ordinal);
        var json = JsonNode.Parse(await server.OkAsync(["assess", "show", id, "--json"], bob))!;
        Assert.Equal("approved", json["assessment"]!["status"]!.GetValue<string>());
        Assert.Contains("invalidated", await server.OkAsync(["assess", "invalidate", id, "--reason", "retrained"], bob), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refusals_AreOneLineOnStderr_AndExitOne()
    {
        var (system, alice, _) = await SetUpAsync();
        var id = (await server.OkAsync(["assess", "start", "--system", system], alice)).Split(' ')[0];

        (await server.RunAsync(["assess", "answer", id], alice)).AssertOneErrorLine("give --question Q --value V, or --file answers.json");
        (await server.RunAsync(["assess", "answer", id, "--question", "uses_personal_data", "--value", "perhaps"], alice)).AssertOneErrorLine("must be yes or no");
        (await server.RunAsync(["assess", "answer", id, "--question", "no_such_question", "--value", "yes"], alice)).AssertOneErrorLine("is not a question of template");
        (await server.RunAsync(["assess", "answer", id, "--question", "lawful_basis", "--value", "contract"], alice)).AssertOneErrorLine("not shown for the current answers");
        (await server.RunAsync(["assess", "answer", id, "--question", "annex3_area", "--value", "astrology"], alice)).AssertOneErrorLine("must be one of");
        (await server.RunAsync(["assess", "answer", id, "--file", server.Scratch("missing.json")], alice)).AssertOneErrorLine("does not exist");
        (await server.RunAsync(["assess", "submit", id], alice)).AssertOneErrorLine("is required before submitting");
        (await server.RunAsync(["assess", "reject", id], alice)).AssertOneErrorLine("--comment");
        (await server.RunAsync(["assess", "approve", id], alice)).AssertOneErrorLine("not submitted");
        (await server.RunAsync(["assess", "start", "--system", "no-such-system"], alice)).AssertOneErrorLine("does not exist");
        (await server.RunAsync(["assess", "list", "--status", "done"], alice)).AssertOneErrorLine("done");
    }
}
