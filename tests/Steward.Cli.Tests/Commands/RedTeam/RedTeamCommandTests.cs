using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Steward.Cli.Tests.EndToEnd;
using Steward.Cli.Tests.Infrastructure;

namespace Steward.Cli.Tests.Commands.RedTeam;

/// <summary><c>steward redteam</c> against a live server and our own model endpoints.</summary>
public sealed class RedTeamCommandTests(LiveServer server, StubModel model) : IClassFixture<LiveServer>, IClassFixture<StubModel>
{
    private async Task<string> SystemAsync() => Json(await server.OkAsync(
        ["system", "register", "--name", $"bot-{Guid.NewGuid():N}", "--owner", "ml@example.com", "--risk-tier", "high", "--json"]))["id"]!.GetValue<string>();

    [Fact]
    public async Task ExercisesAndFindings_AddListAndAcceptRiskWithADecision()
    {
        var systemId = await SystemAsync();
        var exercise = Json(await server.OkAsync(["redteam", "exercise", "add", "--system", systemId, "--name", "Q4", "--scope", "chat",
            "--start", "2026-11-02", "--end", "2026-11-03", "--team", "ann@example.com,bo@example.com", "--json"]));
        Assert.Equal(2, exercise["team"]!.AsArray().Count);
        Assert.Contains("Q4", await server.OkAsync(["redteam", "exercise", "list", "--system", systemId]), StringComparison.Ordinal);

        var finding = Json(await server.OkAsync(["redteam", "finding", "add", "--system", systemId, "--exercise", exercise["id"]!.GetValue<string>(),
            "--title", "Jailbreak via role play", "--description", "DAN-style prompt bypasses the refusal policy", "--severity", "high",
            "--atlas", "AML.T0054", "--owasp", "LLM01", "--evidence", $"https://wiki.example.com/rt/7@{new string('d', 64)}", "--json"]));
        var id = finding["id"]!.GetValue<string>();
        var listed = await server.OkAsync(["redteam", "finding", "list", "--system", systemId, "--severity", "high", "--status", "open"]);
        Assert.Contains(id, listed, StringComparison.Ordinal);
        Assert.Contains("AML.T0054", listed, StringComparison.Ordinal);

        var approver = Json(await server.OkAsync(["apikey", "create", "--name", $"approver-{Guid.NewGuid():N}", "--role", "approver", "--json"]))["key"]!.GetValue<string>();
        var decision = Json(await server.OkAsync(["decision", "record", "--type", "risk_acceptance", "--subject", $"system:{systemId}",
            "--outcome", "approved", "--rationale", "compensating control: human review", "--json"], approver))["id"]!.GetValue<string>();
        var business = Json(await server.OkAsync(["decision", "record", "--type", "business_approval", "--subject", $"system:{systemId}",
            "--outcome", "approved", "--rationale", "go", "--json"], approver))["id"]!.GetValue<string>();

        (await server.RunAsync(["redteam", "finding", "status", id, "--status", "risk_accepted", "--note", "x"], approver))
            .AssertOneErrorLine("--status risk_accepted needs --decision ID");
        (await server.RunAsync(["redteam", "finding", "status", id, "--status", "risk_accepted", "--note", "x", "--decision", business], approver))
            .AssertOneErrorLine("409 Conflict");
        var accepted = Json(await server.OkAsync(["redteam", "finding", "status", id, "--status", "risk_accepted", "--note", "until Q1", "--decision", decision, "--json"], approver));
        Assert.Equal(decision, accepted["risk_acceptance"]!.GetValue<string>());
        (await server.RunAsync(["redteam", "finding", "add", "--system", systemId, "--title", "t", "--description", "d", "--severity", "low", "--atlas", "AML.T9999"]))
            .AssertOneErrorLine("not a known MITRE ATLAS technique");
    }

    [Fact]
    public async Task ProbeClassifier_RecordsOneRobustnessFinding_WithTheReportDigestAsEvidence()
    {
        var systemId = await SystemAsync();
        var seeds = server.Scratch($"seeds-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(seeds, """[{"text": "I want a refund please"}, {"text": "hello there"}]""", TestContext.Current.CancellationToken);
        var reportFile = server.Scratch($"report-{Guid.NewGuid():N}.json");
        var run = await server.RunAsync(["redteam", "probe", "--endpoint", $"{model.Url}/classify", "--kind", "classifier", "--system", systemId,
            "--input", seeds, "--rate", "50", "--budget", "30s", "--report", reportFile]);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("probe classifier", run.Out, StringComparison.Ordinal);
        Assert.Contains("flip: seed 0 $.text case: billing -> other", run.Out, StringComparison.Ordinal);
        Assert.Contains("finding recorded:", run.Out, StringComparison.Ordinal);

        var findings = Json(await server.OkAsync(["redteam", "finding", "list", "--system", systemId, "--json"]))["items"]!.AsArray();
        var finding = Assert.Single(findings)!;
        Assert.Equal("probe:classifier", finding["source"]!.GetValue<string>());
        Assert.Equal("AML.T0043", finding["atlas"]![0]!.GetValue<string>());
        var digest = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(reportFile, TestContext.Current.CancellationToken)));
        Assert.Equal(digest, finding["evidence"]![0]!["sha256"]!.GetValue<string>());
    }

    [Fact]
    public async Task ProbeLlm_DryRun_NeedsNoServer_AndRecordsNothing()
    {
        var run = await CliRun.RunAsync(["redteam", "probe", "--endpoint", $"{model.Url}/chat", "--kind", "llm", "--system", "any",
            "--rate", "100", "--request-template", """{"prompt": "{{input}}"}""", "--output-path", "$.answer", "--dry-run"], CliRun.Network);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("prompt_injection: 16 of 16 probes got through", run.Out, StringComparison.Ordinal);
        Assert.Contains("finding (dry run, not recorded): high  Prompt injection: 16 of 16 probes got through", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("pii_leak: 1", run.Out, StringComparison.Ordinal);
        Assert.Empty(run.Error); // no progress line when stderr is not the console

        var json = await CliRun.RunAsync(["redteam", "probe", "--endpoint", $"{model.Url}/chat", "--kind", "llm", "--system", "any",
            "--rate", "100", "--request-template", """{"prompt": "{{input}}"}""", "--output-path", "$.answer", "--dry-run", "--json"], CliRun.Network);
        var report = Json(json.Out);
        Assert.Equal(42, report["summary"]!["requests"]!.GetValue<int>());
        Assert.Equal(16, report["hits"]!.AsArray().Count);
        Assert.Empty(report["recorded"]!.AsArray());
    }

    [Fact]
    public async Task ProbeErrors_AreOneLine()
    {
        var systemId = await SystemAsync();
        (await server.RunAsync(["redteam", "probe", "--endpoint", $"{model.Url}/classify", "--kind", "classifier", "--system", systemId]))
            .AssertOneErrorLine("--kind classifier needs --input FILE");
        (await server.RunAsync(["redteam", "probe", "--endpoint", $"{model.Url}/chat", "--kind", "llm", "--system", systemId, "--budget", "soon"]))
            .AssertOneErrorLine("--budget must be a duration");
        (await server.RunAsync(["redteam", "probe", "--endpoint", $"{model.Url}/chat", "--kind", "llm", "--system", systemId, "--rate", "0"]))
            .AssertOneErrorLine("--rate must be a number");
        (await server.RunAsync(["redteam", "probe", "--endpoint", "ftp://x", "--kind", "llm", "--system", systemId]))
            .AssertOneErrorLine("--endpoint must be an absolute http");
        (await server.RunAsync(["redteam", "probe", "--endpoint", $"{model.Url}/chat", "--kind", "llm", "--system", "no-such-system"]))
            .AssertOneErrorLine("404");
        (await server.RunAsync(["redteam", "probe", "--endpoint", $"{model.Url}/chat", "--kind", "llm", "--system", systemId, "--request-template", "{\"prompt\": 1}"]))
            .AssertOneErrorLine("--request-template: the request template must contain the placeholder");
        (await server.RunAsync(["redteam", "probe", "--endpoint", "http://127.0.0.1:9/none", "--kind", "llm", "--system", systemId, "--rate", "1000", "--budget", "20s"]))
            .AssertOneErrorLine("every request to the endpoint failed (42): connection failed");
        (await server.RunAsync(["redteam", "exercise", "add", "--system", systemId, "--name", "n", "--scope", "s", "--start", "2026-11-31", "--end", "2026-12-01", "--team", "a"]))
            .AssertOneErrorLine("--start must be a date YYYY-MM-DD");
        Assert.Empty(Json(await server.OkAsync(["redteam", "finding", "list", "--system", systemId, "--json"]))["items"]!.AsArray());
    }

    private static JsonObject Json(string text) => JsonNode.Parse(text)!.AsObject();
}
