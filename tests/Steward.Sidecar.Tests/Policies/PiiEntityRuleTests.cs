using Steward.Pii;
using Steward.Policy;
using Steward.Policy.Values;
using Steward.Sidecar.Policies;

namespace Steward.Sidecar.Tests.Policies;

/// <summary>The shipped library's <c>pii_entity_detected</c> rule, deciding with the analyzer behind <c>pii.analyze</c>.</summary>
public sealed class PiiEntityRuleTests
{
    private static readonly Lazy<(CompiledPolicy Policy, ObjectValue Data)> Library = new(() =>
    {
        var bundle = PolicyBundle.Load(RepoPaths.Policies);
        var analyzer = new AnalyzerEngine(new RecognizerRegistry([new CardRecognizer()]));
        return (CompiledPolicy.Compile(bundle.Modules, SidecarBuiltins.Create(analyzer: analyzer)), bundle.Data);
    });

    private static string Deny(string output, string entities)
    {
        var (policy, data) = Library.Value;
        var input = ValueJson.Parse($$"""
            {"phase": "response", "endpoint": "chat", "model": null, "request": {"method": "POST", "path": "/chat", "headers": {}, "body": null},
             "prediction": {"label": "answer", "confidence": 0.9, "text": {{System.Text.Json.JsonSerializer.Serialize(output)}}}, "content_type": "application/json", "status": 200, "latency_ms": 3}
            """);
        var result = policy.Prepare($"x := data.ai_policy.deny with data.config.ai_policy.pii.deny_entities as {entities} with data.config.ai_policy.pii.deny_kinds as []")
            .Evaluate(new EvalOptions { Data = data, Input = input, StrictBuiltinErrors = true });
        return Assert.Single(result).Bindings["x"].ToJson();
    }

    [Fact]
    public void AnOutputHoldingACardNumber_IsDenied_WhenCreditCardIsListed()
    {
        Assert.Equal("""["pii_entity_detected: the output contains personal data (CREDIT_CARD)"]""", Deny("card 4111 1111 1111 1111 ok", """["CREDIT_CARD"]"""));
    }

    [Fact]
    public void TheRuleIsOff_WithTheShippedEmptyList_OrForOtherOutputs()
    {
        Assert.Equal("[]", Deny("card 4111 1111 1111 1111 ok", "[]"));
        Assert.Equal("[]", Deny("nothing personal here", """["CREDIT_CARD"]"""));
    }

    /// <summary>A test recognizer: 4111 1111 1111 1111-shaped numbers passing Luhn are CREDIT_CARD.</summary>
    private sealed class CardRecognizer() : Recognizer("TestCardRecognizer", [PiiEntities.CreditCard])
    {
        public override void Analyze(AnalysisContext context, ResultSink sink)
        {
            foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(context.Text, @"\b\d{4}( \d{4}){3}\b"))
            {
                var digits = m.Value.Replace(" ", "", StringComparison.Ordinal);
                var sum = 0;
                for (var i = 0; i < digits.Length; i++)
                {
                    var d = digits[digits.Length - 1 - i] - '0';
                    sum += i % 2 == 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d;
                }
                if (sum % 10 == 0) sink.Add(this, PiiEntities.CreditCard, m.Index, m.Index + m.Length, 1.0);
            }
        }
    }
}
