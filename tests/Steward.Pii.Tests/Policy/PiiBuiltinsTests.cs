using Steward.Pii.Policy;
using Steward.Policy;
using Steward.Policy.Values;

namespace Steward.Pii.Tests.Policy;

public sealed class PiiBuiltinsTests
{
    private const string OutputPolicy = """
        package output

        default allow := false

        deny contains "credit card number in the output" if {
            pii.contains(input.output, ["CREDIT_CARD"])
        }

        allow if count(deny) == 0

        findings := pii.analyze(input.output)
        """;

    private static readonly CompiledPolicy Policy =
        CompiledPolicy.Compile([new PolicySource("output.rego", OutputPolicy)], PiiBuiltins.CreateRegistry(LuhnCardRecognizer.Engine()));

    private static Value? Evaluate(string rule, string output) =>
        Policy.EvaluateData(["output", rule], new EvalOptions { Input = ValueJson.Parse($$"""{"output": {{System.Text.Json.JsonSerializer.Serialize(output)}}}"""), StrictBuiltinErrors = true });

    [Fact]
    public void APolicy_DeniesAnOutputHoldingACardNumber()
    {
        Assert.Equal("false", Evaluate("allow", "your card 4111 1111 1111 1111 is charged")!.ToJson());
        Assert.Equal("[\"credit card number in the output\"]", Evaluate("deny", "your card 4111 1111 1111 1111 is charged")!.ToJson());
        Assert.Equal("true", Evaluate("allow", "your card 4111 1111 1111 1112 is charged")!.ToJson());
    }

    [Fact]
    public void Analyze_ReturnsTheResultsAsObjects()
    {
        var findings = Evaluate("findings", "card 4111 1111 1111 1111")!.ToJson();
        Assert.Equal("""[{"end":24,"entity_type":"CREDIT_CARD","score":1,"start":5}]""", findings);
    }

    [Fact]
    public void UnknownEntities_AndNonStringText_AreErrors()
    {
        var policy = CompiledPolicy.Compile([new PolicySource("p.rego", "package p\n\nx := pii.contains(input.t, [\"SHOE_SIZE\"])\ny := pii.analyze(42)\n")],
            PiiBuiltins.CreateRegistry(LuhnCardRecognizer.Engine()));
        var strict = new EvalOptions { Input = ValueJson.Parse("""{"t": "abc"}"""), StrictBuiltinErrors = true };

        var unknown = Assert.ThrowsAny<Exception>(() => policy.EvaluateData(["p", "x"], strict));
        Assert.Contains("SHOE_SIZE", unknown.Message, StringComparison.Ordinal);
        Assert.ThrowsAny<Exception>(() => policy.EvaluateData(["p", "y"], strict));
        Assert.Null(policy.EvaluateData(["p", "x"], strict with { StrictBuiltinErrors = false }));
    }
}
