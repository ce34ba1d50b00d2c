using Steward.Policy.Values;

namespace Steward.Policy.Tests.Evaluation;

/// <summary>Fast paths that evaluate a term speculatively must not run a print inside it twice.</summary>
public sealed class PrintOnceTests
{
    [Fact]
    public void ComprehensionNextToAnIteratingTerm_PrintsOnce()
    {
        const string module = """
            package test

            r contains x if {
                x := [[y | some y in [1]; print("in comprehension")], input.arr[_]]
            }
            """;
        var lines = new List<string>();
        var policy = CompiledPolicy.Compile("test.rego", module);
        var value = policy.EvaluateData(["test", "r"], new EvalOptions { Input = ValueJson.Parse("""{"arr": [1, 2]}"""), Print = lines.Add });
        Assert.Equal("[[[1],1],[[1],2]]", value?.ToJson());
        Assert.Single(lines);
    }
}
