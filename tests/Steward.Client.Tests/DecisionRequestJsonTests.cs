using System.Text.Json;
using System.Text.Json.Nodes;

namespace Steward.Client.Tests;

public sealed class DecisionRequestJsonTests
{
    private static readonly DecisionRequest Request = new()
    {
        Type = "deployment_approval",
        Subject = new SubjectRef("system", "sys_1"),
        Outcome = "approved",
        Rationale = "passed review",
        RiskAcknowledged = "residual bias accepted",
        Evidence = [new Evidence("https://example.com/r.pdf", new string('a', 64)), new Evidence("https://example.com/no-hash")],
        Refs = new Dictionary<string, string> { ["mlflowRunId"] = "r1", ["ticket"] = "GOV-12" },
        Signature = new DecisionSignature("0011", "c2ln"),
    };

    [Fact]
    public void Serialize_UsesSnakeCaseAndOmitsNulls_ButKeepsRefKeysAsGiven()
    {
        var json = JsonSerializer.Serialize(Request, StewardJson.Options);

        var expected = (
            "{'type':'deployment_approval','subject':{'kind':'system','id':'sys_1'},'outcome':'approved','rationale':'passed review'," +
            "'risk_acknowledged':'residual bias accepted','evidence':[{'uri':'https://example.com/r.pdf','sha256':'" + new string('a', 64) + "'}," +
            "{'uri':'https://example.com/no-hash'}],'refs':{'mlflowRunId':'r1','ticket':'GOV-12'},'signature':{'key_id':'0011','sig':'c2ln'}}")
            .Replace('\'', '"');

        Assert.Equal(expected, json);
    }

    [Theory]
    [InlineData(true, "true")]
    [InlineData(false, "false")]
    public void RiskAcknowledged_Boolean_IsAJsonBoolean(bool flag, string expected)
    {
        var node = StewardJson.ToJsonNode(Request with { RiskAcknowledged = flag })!;
        Assert.Equal(expected, node["risk_acknowledged"]!.ToJsonString());
    }

    [Theory]
    [InlineData("\"text\"", "text", null)]
    [InlineData("true", null, true)]
    [InlineData("false", null, false)]
    public void RiskAcknowledged_ReadsStringsAndBooleans(string json, string? text, bool? flag)
    {
        var value = JsonSerializer.Deserialize<RiskAcknowledgement>(json, StewardJson.Options)!;
        Assert.Equal(text, value.Text);
        Assert.Equal(flag, value.Flag);
    }

    [Fact]
    public void RiskAcknowledged_Number_IsRejected() =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<RiskAcknowledgement>("1", StewardJson.Options));

    [Fact]
    public void SigningPayload_IsTheWireObjectWithoutSignature()
    {
        var wire = JsonNode.Parse(JsonSerializer.Serialize(Request, StewardJson.Options))!.AsObject();
        wire.Remove("signature");

        var payload = Request.ToSigningPayload();

        Assert.True(JsonNode.DeepEquals(wire, payload));
        Assert.False(payload.ContainsKey("signature"));
    }

    [Fact]
    public void Decision_ReadsServerAnswer()
    {
        const string json = """
            {"id":"dec_1","type":"waiver","subject":{"kind":"model","id":"mdl_1"},"outcome":"rejected","rationale":"r",
             "risk_acknowledged":false,"evidence":[],"refs":{},"supersedes":null,
             "signature":{"key_id":"ab","alg":"ecdsa-p256","sig":"c2ln"},"actor":{"id":"usr_1","kind":"person"},
             "recorded_at":"2026-01-02T03:04:05.123Z","ledger_index":12}
            """;

        var decision = JsonSerializer.Deserialize<Decision>(json, StewardJson.Options)!;

        Assert.Equal(new SubjectRef("model", "mdl_1"), decision.Subject);
        Assert.Equal(false, decision.RiskAcknowledged!.Flag);
        Assert.Equal("ecdsa-p256", decision.Signature!.Alg);
        Assert.Equal(12, decision.LedgerIndex);
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, 123, TimeSpan.Zero), decision.RecordedAt);
    }
}
