namespace Steward.Policy.Tests.Evaluation.Compiled;

/// <summary>
/// Behaviours of the compiled forms that the differential tests could miss: folded constants keep run-time
/// errors and <c>with</c> replacements, a compiled body hands over to the interpreter mid-way without running
/// anything twice, and undefined is kept apart from false.
/// </summary>
public sealed class CompiledFormsTests
{
    [Fact]
    public void FoldedCall_ErrorStaysARuntimeError()
    {
        const string module = """
            package test
            x := 1 / 0
            y := concat(", ", ["a", "b"])
            """;
        Assert.Null(Rego.Value(module, "x"));
        Assert.Equal("\"a, b\"", Rego.Value(module, "y"));
        var e = Assert.Throws<RegoEvalException>(() => Rego.Query(module, "data.test.x", strict: true));
        Assert.Contains("divide by zero", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FoldedCall_WithReplacementStillApplies()
    {
        const string module = """
            package test
            y := concat(", ", ["a", "b"])
            mock(_, _) := "mocked"
            """;
        var results = Rego.Query(module, "x := data.test.y with concat as data.test.mock");
        Assert.Equal("\"mocked\"", Assert.Single(results).Bindings["x"].ToJson());
    }

    [Fact]
    public void InlineBody_HandsOverToInterpreterWithoutPrintingTwice()
    {
        const string module = """
            package test
            f(x) := y if {
            	print("f", x)
            	y := x + 1
            }
            p := i if {
            	a := f(1)
            	input.xs[i] == a
            }
            """;
        var lines = new List<string>();
        var policy = CompiledPolicy.Compile("test.rego", module);
        var value = policy.EvaluateData(["test", "p"], new EvalOptions { Input = Values.ValueJson.Parse("""{"xs": [5, 2]}"""), Print = lines.Add });
        Assert.Equal("1", value?.ToJson());
        Assert.Equal(["f 1"], lines);
    }

    [Fact]
    public void UndefinedAndFalse_StayApart()
    {
        const string module = """
            package test
            t if input.a == 1
            f := input.a == 1
            n if not input.a == 1
            """;
        Assert.Null(Rego.Value(module, "t", input: """{"a": 2}"""));
        Assert.Equal("false", Rego.Value(module, "f", input: """{"a": 2}"""));
        Assert.Null(Rego.Value(module, "f", input: "{}"));
        Assert.Equal("true", Rego.Value(module, "n", input: "{}"));
    }
}
