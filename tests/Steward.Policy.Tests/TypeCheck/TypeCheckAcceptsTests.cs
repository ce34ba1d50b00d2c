namespace Steward.Policy.Tests.TypeCheck;

/// <summary>
/// Valid or undecidable policies the conservative type check must leave alone: anything from input or data, values
/// whose type is not definitely known, user functions, shadowing, and unions of accepted types.
/// </summary>
public sealed class TypeCheckAcceptsTests
{
    [Theory]
    [InlineData("p := upper(input.name)")]
    [InlineData("p := count(data.test.q)\nq := [1]")]
    [InlineData("p := x if { some x in input.xs; upper(x) }")]
    [InlineData("p := x if { x := input.a; upper(x) }")]
    [InlineData("p := x if { x = 5; x > 1 }")]
    [InlineData("p := y if { y := [1, 2][_]; y + 1 > 0 }")]
    [InlineData("f(x) := upper(x)\np := f(\"a\")")]
    [InlineData("upper(x) := x\np := upper(5)")]
    [InlineData("count(x) := 7\np := count(1)")]
    [InlineData("v := \"a\" if input.a\nv := 1 if input.b\np := upper(v)")]
    [InlineData("v := input.v\np := upper(v)")]
    [InlineData("default v := \"x\"\nv := input.v\np := upper(v)")]
    [InlineData("s contains \"a\" if true\np := count(s)")]
    [InlineData("p := {1, 2} - {1}")]
    [InlineData("p := 3 - 1")]
    [InlineData("p := count(\"abc\")")]
    [InlineData("p := concat(\",\", {\"a\", \"b\"})")]
    [InlineData("p := glob.match(\"*\", null, \"a\")")]
    [InlineData("p := to_number(null)")]
    [InlineData("p := sum({1, 2.5})")]
    [InlineData("p := sprintf(\"%v\", [1, \"a\", null])")]
    [InlineData("p := object.get({\"a\": 1}, [\"a\"], 0)")]
    [InlineData("p := [x | x := upper(input.xs[_])]")]
    [InlineData("p if { x := \"a\"; every x in [1] { x + 1 > 0 } }")]
    [InlineData("p if { x := \"a\"; y := [z | some x in [1]; z := x + 1] }")]
    [InlineData("p if { count(input.xs, n); n > 0 }")]
    [InlineData("p := x if { x := 5; [x] = [y]; y > 1 }")]
    [InlineData("p if { upper(5) with upper as lower }")]
    [InlineData("p := x if { x := count(input.xs) == \"a\" }")]
    [InlineData("p if { 1 = 1 }")]
    [InlineData("p if { [a, b] = [1, \"x\"]; a + 1 > 0; upper(b) }")]
    public void ValidOrUncertainPolicies_Compile(string rules)
    {
        var policy = CompiledPolicy.Compile("test.rego", "package test\n\n" + rules + "\n");
        Assert.NotNull(policy);
    }

    [Fact]
    public void ImportedNames_AreNotTakenForBuiltins()
    {
        const string lib = "package lib\n\nupper(x) := x\n";
        const string main = "package test\n\nimport data.lib\n\np := lib.upper(5)\n";
        var policy = CompiledPolicy.Compile([new PolicySource("lib.rego", lib), new PolicySource("main.rego", main)]);
        Assert.NotNull(policy);
    }

    [Fact]
    public void ACompositeHoldingAVariable_IsNotCheckedElementWise()
    {
        // As OPA: variable and rule types are not carried into array literals.
        Assert.NotNull(CompiledPolicy.Compile("test.rego", "package test\np := s if { a := \"foo\"; s := sum([1, a]) }\n"));
    }
}
