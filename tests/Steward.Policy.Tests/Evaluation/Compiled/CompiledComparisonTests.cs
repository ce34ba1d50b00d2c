using Steward.Policy.Values;

namespace Steward.Policy.Tests.Evaluation.Compiled;

/// <summary>
/// Body literals that are one comparison or type test run fused (operands read and compared in place). Each case must give the
/// interpreter's outcome: kinds compared across (OPA's order), negation, undefined operands, operands that
/// iterate (the interpreter takes over), <c>with</c> replacing a function operand.
/// </summary>
public sealed class CompiledComparisonTests
{
    private static readonly Value Input = ValueJson.Parse("""
        {"n": 2, "f": 2.5, "s": "b", "arr": [1, 2, 3], "obj": {"a": 1}, "set_like": [1, 2], "nul": null, "t": true}
        """);

    public static TheoryData<string, string> Cases => new()
    {
        { "r if input.n > 1", "true" },
        { "r if input.n > 2", "undefined" },
        { "r if input.n >= 2", "true" },
        { "r if 2 <= input.n", "true" },
        { "r if input.f < 3", "true" },
        { "r if input.n == 2.0", "true" },
        { "r if input.n != 2", "undefined" },
        { "r if input.s > \"a\"", "true" },
        { "r if input.s < 1", "undefined" },
        { "r if input.s > 1", "true" },
        { "r if input.nul < false", "true" },
        { "r if input.t > input.s", "undefined" },
        { "r if input.obj == {\"a\": 1}", "true" },
        { "r if input.obj != {\"a\": 2}", "true" },
        { "r if input.arr > [1, 2]", "true" },
        { "r if not input.n > 5", "true" },
        { "r if not input.n < 5", "undefined" },
        { "r if input.missing > 1", "undefined" },
        { "r if not input.missing > 1", "true" },
        { "r if not 1 < input.missing", "true" },
        { "r if input.missing != 1", "undefined" },
        { "r contains x if { some x in input.arr; x > 1 }", "[2,3]" },
        { "r contains i if { input.arr[i] > 1 }", "[1,2]" },
        { "r if count(input.arr) > 2", "true" },
        { "r if { x := input.n; x * 2 == 4 }", "true" },
        { "f(x) := x + 1\nr if f(input.n) > 2", "true" },
        { "f(x) := x + 1\ng(x) := x - 1\nr if f(input.n) > 2 with f as g", "undefined" },
        { "f(x) := x + 1\ng(x) := x - 1\nr if f(input.n) < 2 with f as g", "true" },
        // Type tests.
        { "r if is_number(input.n)", "true" },
        { "r if is_number(input.s)", "undefined" },
        { "r if not is_string(input.n)", "true" },
        { "r if is_string(input.s)", "true" },
        { "r if is_object(input.obj)", "true" },
        { "r if is_array(input.arr)", "true" },
        { "r if is_set(input.arr)", "undefined" },
        { "r if is_null(input.nul)", "true" },
        { "r if is_boolean(input.t)", "true" },
        { "r if is_object(input.missing)", "undefined" },
        { "r if not is_object(input.missing)", "true" },
        { "r contains x if { x := input.arr[_]; is_number(x) }", "[1,2,3]" },
        { "r contains i if { is_number(input.arr[i]) }", "[0,1,2]" },
        { "g(x) if is_string(x)\nr if g(input.n) with is_string as true", "true" },
        { "g(x) if is_string(x)\nr if g(input.n)", "undefined" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Comparison_SameOutcomeCompiledAndInterpreted(string rules, string expected)
    {
        var module = "package test\n\n" + rules + "\n";
        var compiled = Outcome.OfValue(() => Evaluate(module, interpreted: false));
        var interpreted = Outcome.OfValue(() => Evaluate(module, interpreted: true));
        Assert.Equal(interpreted, compiled);
        Assert.Equal(expected, compiled);
    }

    private static Value? Evaluate(string module, bool interpreted)
    {
        var policy = CompiledPolicy.Compile([new PolicySource("test.rego", module)], null, interpreted);
        return policy.EvaluateData(["test", "r"], new EvalOptions { Input = Input, StrictBuiltinErrors = true });
    }
}
