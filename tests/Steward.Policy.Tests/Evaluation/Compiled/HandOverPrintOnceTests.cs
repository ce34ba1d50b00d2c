using Steward.Policy.Compilation;
using Steward.Policy.Values;

namespace Steward.Policy.Tests.Evaluation.Compiled;

/// <summary>
/// A term evaluated as one value that hands over to the interpreter part-way (a later argument, item or side
/// iterates, or is left to the interpreter) must not have run its earlier parts already: the interpreter
/// evaluates them again, so a function that prints would print twice. OPA evaluates each once, left to right.
/// Each case runs compiled and interpreted.
/// </summary>
public sealed class HandOverPrintOnceTests
{
    private const string Functions = """
        f(x) := x if {
            print("f", x)
        }

        h(x) := x
        """;

    private static readonly Value Input = ValueJson.Parse("""{"pairs": [[1, 2], [3, 4]], "arr": [1, 2], "word": "a"}""");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CallArgumentBeforeAnIteratingArgument_PrintsOnce(bool interpreted)
    {
        var (value, lines) = Run("r contains z if { z := sprintf(f(\"%v-%v\"), input.pairs[_]) }", interpreted);
        Assert.Equal("""["1-2","3-4"]""", value);
        Assert.Equal(["f %v-%v"], lines);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CallArgumentBeforeAPrintingComprehension_PrintsOnce(bool interpreted)
    {
        var (value, lines) = Run("""r := concat(f("-"), [y | some y in ["a", "b"]; print("c", y)])""", interpreted);
        Assert.Equal("\"a-b\"", value);
        Assert.Equal(["f -", "c a", "c b"], lines);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void NestedCallThatIterates_EarlierArgumentPrintsOnce(bool interpreted)
    {
        var (value, lines) = Run("r contains z if { z := sprintf(f(\"%v\"), [h(input.arr[_])]) }", interpreted);
        Assert.Equal("""["1","2"]""", value);
        Assert.Equal(["f %v"], lines);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ArrayItemBeforeAnIteratingItem_PrintsOnce(bool interpreted)
    {
        var (value, lines) = Run("r contains z if { z := [f(input.word), input.arr[_]] }", interpreted);
        Assert.Equal("""[["a",1],["a",2]]""", value);
        Assert.Equal(["f a"], lines);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ComparisonWithAnIteratingSide_LeftPrintsOnce(bool interpreted)
    {
        var (value, lines) = Run("r if { f(2) == input.arr[_] }", interpreted);
        Assert.Equal("true", value);
        Assert.Equal(["f 2"], lines);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CallWithoutHandOver_StillOneValueAndPrintsOnce(bool interpreted)
    {
        var (value, lines) = Run("r := sprintf(f(\"%v-%v\"), input.pairs[0])", interpreted);
        Assert.Equal("\"1-2\"", value);
        Assert.Equal(["f %v-%v"], lines);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void HandOverWithAnUndefinedEarlierArgument_IsUndefinedWithoutIterating(bool interpreted)
    {
        var (value, lines) = Run("r contains z if { z := sprintf(f(input.missing), input.pairs[_]) }", interpreted);
        Assert.Equal("[]", value);
        Assert.Empty(lines);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void HandOverWithAnErrorInALaterArgument_ReportsItOnce(bool interpreted)
    {
        const string module = """
            package test

            f(x) := x if {
                print("f", x)
            }

            r contains z if { z := sprintf(f("%v"), [to_number(input.arr[_])]) }
            """;
        var lines = new List<string>();
        var policy = CompiledPolicy.Compile([new PolicySource("test.rego", module)], null, interpreted);
        var value = policy.EvaluateData(["test", "r"], new EvalOptions { Input = ValueJson.Parse("""{"arr": ["1", "x"]}"""), Print = lines.Add });
        Assert.Equal("""["1"]""", value?.ToJson());
        Assert.Equal(["f %v"], lines);
        Assert.Throws<RegoEvalException>(() => policy.EvaluateData(
            ["test", "r"],
            new EvalOptions { Input = ValueJson.Parse("""{"arr": ["1", "x"]}"""), Print = lines.Add, StrictBuiltinErrors = true }));
    }

    [Fact]
    public void InterpretedReport_NamesTermsThatHandOverAtOnce()
    {
        var module = "package test\n\n" + Functions + "\n\nr contains z if { z := sprintf(f(\"%v-%v\"), input.pairs[_]) }\n";
        var report = InterpretedReport.For(CompiledPolicy.Compile([new PolicySource("test.rego", module)], null, interpreted: false));
        Assert.Contains(report, l => l.Contains("call of sprintf hands over at once", StringComparison.Ordinal));
    }

    [Fact]
    public void ShippedOutputPolicy_HasNoTermThatHandsOverAtOnce()
    {
        var library = PolicyLibrary.Load();
        var policy = CompiledPolicy.Compile(library.Modules.Where(m => m.Name.StartsWith("ai_policy", StringComparison.Ordinal)), null, interpreted: false);
        Assert.DoesNotContain(InterpretedReport.For(policy), l => l.Contains("hands over at once", StringComparison.Ordinal));
    }

    private static (string? Value, List<string> Lines) Run(string rule, bool interpreted)
    {
        var module = "package test\n\n" + Functions + "\n\n" + rule + "\n";
        var lines = new List<string>();
        var policy = CompiledPolicy.Compile([new PolicySource("test.rego", module)], null, interpreted);
        var value = policy.EvaluateData(["test", "r"], new EvalOptions { Input = Input, Print = lines.Add });
        return (value?.ToJson() ?? "undefined", lines);
    }
}
