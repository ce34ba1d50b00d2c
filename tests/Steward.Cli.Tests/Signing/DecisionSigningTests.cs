using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Steward.Cli.Tests.Infrastructure;
using Steward.Client;
using Steward.Ledger.Canonical;

namespace Steward.Cli.Tests.Signing;

/// <summary>
/// <c>decision record --sign-key</c> signs the canonical JSON of exactly the object it sends, minus
/// <c>signature</c>, which is what the server verifies.
/// </summary>
public sealed class DecisionSigningTests
{
    [Theory]
    [InlineData("ed25519")]
    [InlineData("p256")]
    public async Task Record_SignsTheCanonicalFormOfWhatIsSent(string alg)
    {
        using var temp = new TempDirectory();
        var keyFile = temp.File("k.pem");
        Assert.Equal(0, (await CliRun.RunAsync(["key", "generate", "--out", keyFile, "--alg", alg])).ExitCode);
        var spki = KeyVerification.ReadSpki(keyFile + ".pub");
        var evidenceFile = temp.File("model card é.md");
        await File.WriteAllTextAsync(evidenceFile, "# Model card\n", TestContext.Current.CancellationToken);
        var stub = RecordingServer();

        var run = await CliRun.RunAsync(
        [
            .. Commands.UsageErrorTests.RecordArgs(), "--sign-key", keyFile,
            "--risk-acknowledged", "residual bias on group X accepted <\"quoted\">",
            "--evidence", evidenceFile,
            "--evidence", $"https://example.com/report.pdf@{new string('A', 64)}",
            "--ref", "ticket=GOV-12", "--ref", "mlflow_run_id=a=b",
            "--supersedes", "dec_0",
        ], stub);

        Assert.Equal(0, run.ExitCode);
        var sent = Assert.Single(stub.Requests).Json;
        var signature = sent["signature"]!.AsObject();
        Assert.Equal(["key_id", "sig"], signature.Select(p => p.Key).Order());
        Assert.Equal(KeyVerification.KeyId(spki), signature["key_id"]!.GetValue<string>());

        var payload = (JsonObject)sent.DeepClone();
        payload.Remove("signature");
        var canonical = CanonicalJson.Serialize(payload);
        Assert.True(KeyVerification.Verify(spki, canonical, Convert.FromBase64String(signature["sig"]!.GetValue<string>())));

        Assert.Equal("residual bias on group X accepted <\"quoted\">", sent["risk_acknowledged"]!.GetValue<string>());
        Assert.Equal("a=b", sent["refs"]!["mlflow_run_id"]!.GetValue<string>());
        var evidence = sent["evidence"]!.AsArray();
        Assert.Null(evidence[0]!["uri"]); // a local path is never sent
        Assert.DoesNotContain(Path.GetDirectoryName(evidenceFile)!, sent.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData("# Model card\n"u8)), evidence[0]!["sha256"]!.GetValue<string>());
        Assert.Equal(new string('a', 64), evidence[1]!["sha256"]!.GetValue<string>());
    }

    [Fact]
    public async Task Record_TamperedPayload_NoLongerVerifies()
    {
        using var temp = new TempDirectory();
        var keyFile = temp.File("k.pem");
        await CliRun.RunAsync(["key", "generate", "--out", keyFile]);
        var stub = RecordingServer();

        await CliRun.RunAsync([.. Commands.UsageErrorTests.RecordArgs(), "--sign-key", keyFile], stub);

        var sent = stub.Requests[0].Json;
        var signature = Convert.FromBase64String(sent["signature"]!["sig"]!.GetValue<string>());
        sent.Remove("signature");
        sent["outcome"] = "rejected";
        Assert.False(KeyVerification.Verify(KeyVerification.ReadSpki(keyFile + ".pub"), CanonicalJson.Serialize(sent), signature));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public async Task Record_RiskAcknowledgedTrueOrFalse_IsSentAsABoolean(string text, bool expected)
    {
        var stub = RecordingServer();
        await CliRun.RunAsync([.. Commands.UsageErrorTests.RecordArgs(), "--risk-acknowledged", text], stub);
        var value = stub.Requests[0].Json["risk_acknowledged"]!.AsValue();
        Assert.Equal(expected ? System.Text.Json.JsonValueKind.True : System.Text.Json.JsonValueKind.False, value.GetValueKind());
    }

    [Fact]
    public async Task Record_Unsigned_SendsNoSignatureAndNoNulls()
    {
        var stub = RecordingServer();
        var run = await CliRun.RunAsync(Commands.UsageErrorTests.RecordArgs(), stub);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            ["outcome", "rationale", "subject", "type"],
            stub.Requests[0].Json.Select(p => p.Key).Order());
        Assert.Contains("dec_1", run.Out, StringComparison.Ordinal);
    }

    private static StubHandler RecordingServer() => new StubHandler().On(HttpMethod.Post, "/api/v1/decisions", request =>
    {
        var body = request.Json;
        var decision = new Decision(
            "dec_1", body["type"]!.GetValue<string>(), new SubjectRef("system", "sys_1"), body["outcome"]!.GetValue<string>(),
            body["rationale"]!.GetValue<string>(), null, null, null, null,
            body["signature"] is { } s ? new RecordedSignature(s["key_id"]!.GetValue<string>(), "ed25519", s["sig"]!.GetValue<string>()) : null,
            new ActorRef("usr_1", "person"), DateTimeOffset.UnixEpoch, 7);
        return StubHandler.Json(decision, HttpStatusCode.Created);
    });
}
