using Steward.Policy.Values;

namespace Steward.Policy.Tests.Evaluation.Compiled;

/// <summary>
/// Functions with one definition, simple parameters and a compiled body run straight (no definitions loop, no
/// collector); wherever the body or head needs enumeration they continue in the interpreter. Each case must
/// give the interpreter's outcome: value, undefined versus false, conflicts and errors.
/// </summary>
public sealed class StraightFunctionTests
{
    private static readonly Value Input = ValueJson.Parse("""{"arr": [1, 2, 2], "n": 2, "s": "x", "obj": {"a": 1}}""");

    public static TheoryData<string, string> Cases => new()
    {
        // The straight path itself: tests, an assignment, the head's value.
        { "f(x) := y if { x > 1; y := x * 10 }\nr := f(input.n)", "20" },
        { "f(x) := y if { x > 1; y := x * 10 }\nr := f(0)", "undefined" },
        { "f(x) := false if { x > 1 }\nr := f(input.n)", "false" },
        { "f(x) := false if { x > 1 }\nr := f(1)", "undefined" },
        { "f(x) if { x > 1 }\nr := f(input.n)", "true" },
        { "f(x) if { x > 1 }\nr if not f(0)", "true" },
        // A constant parameter and a repeated variable must match the arguments.
        { "f(1, x) := x\nr := [f(1, 5), f(2, 5)]", "undefined" },
        { "f(1, x) := x\nr := f(1, 5)", "5" },
        { "f(x, x) := x\nr := f(2, 2)", "2" },
        { "f(x, x) := x\nr := f(2, 3)", "undefined" },
        // Hand over to the interpreter mid-body: one value, or several that agree, or a conflict.
        { "f(x) := y if { y := x[_]; y > 1 }\nr := f([1, 2, 2])", "2" },
        { "f(x) := y if { y := x[_]; y > 0 }\nr := f(input.arr)", "error eval_conflict_error: … functions must not produce multiple outputs for same inputs" },
        { "f(x) := y if { some y in x; y > 5 }\nr := f(input.arr)", "undefined" },
        // The head's value needs the interpreter (an object).
        { "f(x) := {\"k\": x} if { x > 1 }\nr := f(input.n)", "{\"k\":2}" },
        // A default value when the body fails.
        { "default f(_) := 7\nf(x) := x if { x > 5 }\nr := [f(1), f(6)]", "[7,6]" },
        // Nested and recursive-looking use, several calls per body.
        { "f(x) := x + 1\ng(x) := f(f(x))\nr := g(input.n)", "4" },
        { "has_key(o, k) if { _ = o[k] }\nr := [has_key(input.obj, \"a\"), has_key(input.obj, \"b\")]", "undefined" },
        { "has_key(o, k) if { _ = o[k] }\nr if { has_key(input.obj, \"a\"); not has_key(input.obj, \"b\") }", "true" },
        // Errors raised inside the straight body.
        { "f(x) := y if { y := 1 / x }\nr := f(0)", "error eval_builtin_error: … divide by zero" },
        { "f(x) := to_number(x)\nr := f(input.s)", "error eval_builtin_error: … invalid syntax" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void StraightFunction_SameOutcomeCompiledAndInterpreted(string rules, string expected)
    {
        Outcome.AssertRuleR(rules, Input, expected);
    }

    [Fact]
    public void StraightFunction_PrintsOncePerCall()
    {
        const string module = """
            package test

            f(x) := x if {
                print("f", x)
            }

            r := [f(1), f(2)]
            """;
        foreach (var interpreted in new[] { false, true })
        {
            var lines = new List<string>();
            var policy = CompiledPolicy.Compile([new PolicySource("test.rego", module)], null, interpreted);
            var value = policy.EvaluateData(["test", "r"], new EvalOptions { Print = lines.Add });
            Assert.Equal("[1,2]", value?.ToJson());
            Assert.Equal(["f 1", "f 2"], lines);
        }
    }
}
