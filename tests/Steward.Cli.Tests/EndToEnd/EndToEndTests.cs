using System.Text.Json.Nodes;
using Steward.Cli.Tests.Infrastructure;
using Steward.Ledger.Notes;

namespace Steward.Cli.Tests.EndToEnd;

/// <summary>The CLI against a live server: register, sign, prove, anchor, export and verify offline.</summary>
public sealed class EndToEndTests(LiveServer server) : IClassFixture<LiveServer>
{
    [Fact]
    public async Task Governance_FromInventoryToSignedDecision_ProvenAndAnchored()
    {
        var system = Json(await server.OkAsync(
            ["system", "register", "--name", $"credit-{Guid.NewGuid():N}", "--owner", "risk@example.com", "--risk-tier", "high", "--json"]));
        var systemId = system["id"]!.GetValue<string>();
        var data = server.Scratch("train.csv");
        await File.WriteAllTextAsync(data, "a,b\n1,2\n", TestContext.Current.CancellationToken);
        var dataset = Json(await server.OkAsync(
            ["dataset", "register", "--name", "train", "--owner", "data@example.com", "--system", systemId, "--file", data, "--json"]));
        Assert.Equal(
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("a,b\n1,2\n"u8)), dataset["sha256"]!.GetValue<string>());

        var approver = Json(await server.OkAsync(["apikey", "create", "--name", $"approver-{Guid.NewGuid():N}", "--role", "approver", "--json"]))["key"]!
            .GetValue<string>();
        var keyFile = server.Scratch($"approver-{Guid.NewGuid():N}.pem");
        await server.OkAsync(["key", "generate", "--out", keyFile, "--alg", "p256"]);
        await server.OkAsync(["key", "register", "--public", keyFile + ".pub"], approver);

        var decision = Json(await server.OkAsync(
        [
            "decision", "record", "--type", "deployment_approval", "--subject", $"system:{systemId}", "--outcome", "approved",
            "--rationale", "fairness review passed", "--risk-acknowledged", "residual bias on group X accepted",
            "--evidence", data, "--ref", "ticket=GOV-12", "--sign-key", keyFile, "--json",
        ], approver));
        Assert.Equal("ecdsa-p256", decision["signature"]!["alg"]!.GetValue<string>());
        var index = decision["ledger_index"]!.GetValue<long>();

        var entries = await server.OkAsync(["ledger", "entries", "--subject", $"system:{systemId}", "--all"]);
        Assert.Contains("system.registered", entries, StringComparison.Ordinal);
        Assert.Contains(index.ToString(System.Globalization.CultureInfo.InvariantCulture), entries, StringComparison.Ordinal);

        var listed = await server.OkAsync(["decision", "list", "--subject", $"system:{systemId}"]);
        Assert.Contains(decision["id"]!.GetValue<string>(), listed, StringComparison.Ordinal);

        var proof = await WaitForAsync(() => server.RunAsync(["ledger", "proof", "--index", index.ToString(System.Globalization.CultureInfo.InvariantCulture)]));
        Assert.Contains($"verified: entry {index}", proof.Out, StringComparison.Ordinal);

        var repo = server.Scratch($"anchor-{Guid.NewGuid():N}");
        var anchored = await server.OkAsync(["ledger", "anchor", "--git", repo]);
        Assert.Matches("^[0-9a-f]{40}$", anchored.Trim().Split('\n')[^1]);
        await server.OkAsync(["system", "update", systemId, "--status", "active"]);
        await WaitForAsync(async () =>
        {
            var run = await server.RunAsync(["ledger", "anchor", "--git", repo]);
            return run.ExitCode == 0 && run.Out.StartsWith("already", StringComparison.Ordinal) ? run with { ExitCode = 1 } : run;
        });

        var verified = await server.OkAsync(["ledger", "verify", "--data", server.DataDirectory, "--anchor", repo]);
        Assert.Contains("ledger OK", verified, StringComparison.Ordinal);
        Assert.Contains("anchored checkpoints given: 2", verified, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_VerifiesOffline_WithPinnedKey_AndTamperingNamesTheEntry()
    {
        // A checkpoint signed just before the entry bounds it on the left, whatever other tests appended before:
        // the verifier can then name the tampered entry itself rather than a range.
        await server.OkAsync(["ledger", "checkpoint"]);
        var model = Json(await server.OkAsync(["model", "register", "--name", "scorer", "--owner", "ml@example.com", "--json"]));
        var index = model["ledger_index"]!.GetValue<long>().ToString(System.Globalization.CultureInfo.InvariantCulture);
        await WaitForAsync(() => server.RunAsync(["ledger", "proof", "--index", index])); // a signed checkpoint covers it
        var export = server.Scratch($"ledger-{Guid.NewGuid():N}.jsonl");
        Assert.Contains("exported", await server.OkAsync(["ledger", "export", "--data", server.DataDirectory, "--out", export]), StringComparison.Ordinal);
        var key = (await server.OkAsync(["ledger", "key"])).Trim();

        Assert.Contains("ledger OK", await server.OkAsync(["ledger", "verify", "--file", export, "--key", key]), StringComparison.Ordinal);

        var otherKey = NoteSigner.Generate("cli-tests.example/steward").VerifierKey;
        var wrongKey = await server.RunAsync(["ledger", "verify", "--file", export, "--key", otherKey]);
        Assert.Equal(1, wrongKey.ExitCode);
        Assert.StartsWith("error: ", Assert.Single(wrongKey.ErrorLines), StringComparison.Ordinal);

        var lines = await File.ReadAllLinesAsync(export, TestContext.Current.CancellationToken);
        var victim = Array.FindIndex(lines, l => l.Contains("\"scorer\"", StringComparison.Ordinal));
        Assert.True(victim > 0);
        lines[victim] = lines[victim].Replace("\"scorer\"", "\"scorer2\"", StringComparison.Ordinal);
        var tampered = server.Scratch($"tampered-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllLinesAsync(tampered, lines, TestContext.Current.CancellationToken);

        var run = await server.RunAsync(["ledger", "verify", "--file", tampered]);

        run.AssertOneErrorLine($"ledger verification FAILED at entry {victim - 1}");
    }

    [Fact]
    public async Task WrongApiKey_OneLineUnauthorized()
    {
        var run = await server.RunAsync(["system", "list"], apiKey: "stw_nope_nope");
        run.AssertOneErrorLine("401");
    }

    [Fact]
    public async Task SigningWithAnotherActorsKey_IsRejectedByTheServer()
    {
        var systemId = Json(await server.OkAsync(
            ["system", "register", "--name", $"s-{Guid.NewGuid():N}", "--owner", "o@example.com", "--risk-tier", "minimal", "--json"]))["id"]!
            .GetValue<string>();
        var keyFile = server.Scratch($"admin-{Guid.NewGuid():N}.pem");
        await server.OkAsync(["key", "generate", "--out", keyFile]);
        await server.OkAsync(["key", "register", "--public", keyFile]);
        var approver = Json(await server.OkAsync(["apikey", "create", "--name", $"a-{Guid.NewGuid():N}", "--role", "approver", "--json"]))["key"]!
            .GetValue<string>();

        var run = await server.RunAsync(
            ["decision", "record", "--type", "waiver", "--subject", $"system:{systemId}", "--outcome", "approved", "--rationale", "r", "--sign-key", keyFile],
            approver);

        run.AssertOneErrorLine("the server answered 4");
    }

    private static JsonObject Json(string text) => JsonNode.Parse(text)!.AsObject();

    /// <summary>Checkpoints are signed in the background; retry until the command succeeds (bounded).</summary>
    private static async Task<CliRun> WaitForAsync(Func<Task<CliRun>> attempt)
    {
        CliRun run = await attempt();
        for (var i = 0; i < 100 && run.ExitCode != 0; i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            run = await attempt();
        }

        Assert.True(run.ExitCode == 0, run.Error);
        return run;
    }
}
