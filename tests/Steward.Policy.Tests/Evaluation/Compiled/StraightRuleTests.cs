using Steward.Policy.Values;

namespace Steward.Policy.Tests.Evaluation.Compiled;

/// <summary>
/// Complete rules whose bodies compiled run straight (no collector unless they hand over part-way), and the
/// rules of a partial set or object share one frame: each case must give the interpreter's outcome.
/// </summary>
public sealed class StraightRuleTests
{
    private static readonly Value Input = ValueJson.Parse("""{"arr": [1, 2, 3], "n": 2, "phase": "response", "obj": {"a": 1, "b": 2}}""");

    public static TheoryData<string, string> Cases => new()
    {
        // Complete rules: a value, undefined, false, else chains (straight and handing over), conflicts.
        { "r := x if { x := input.n * 2 }", "4" },
        { "r := x if { input.n > 5; x := 1 }", "undefined" },
        { "r := false if { input.n > 1 }", "false" },
        { "r := 1 if { input.n > 5 } else := 2 if { input.n > 1 } else := 3", "2" },
        { "r := 1 if { input.n > 5 } else := y if { y := input.arr[_]; y > 2 } else := 3", "3" },
        { "r := 1 if { input.n > 5 } else := y if { y := input.arr[_]; y > 5 } else := 3", "3" },
        { "r := y if { y := input.arr[_]; y > 1 }", "error eval_conflict_error: … complete rules must not produce multiple outputs" },
        { "r := y if { y := input.arr[_]; y > 2 }", "3" },
        { "default r := 0\nr := 1 if { input.n > 5 }", "0" },
        { "r := 1 if { input.n > 1 }\nr := 1 if { input.n > 0 }", "1" },
        { "r := 1 if { input.n > 1 }\nr := 2 if { input.n > 0 }", "error eval_conflict_error: … complete rules must not produce multiple outputs" },
        { "r := {\"k\": input.n} if { input.n > 1 }", "{\"k\":2}" },
        // Partial sets and objects: rules with different frames, one after another in one shared frame.
        { "r contains x if { x := input.n }\nr contains y if { some y in input.arr; y > 1 }\nr contains z if { z := input.obj[k]; k == \"b\" }", "[2,3]" },
        { "r contains a if { a := 1; b := 2; c := 3; d := a + b + c; d > 100 }\nr contains q if { q := input.n }", "[2]" },
        { "r[k] := v if { some k, v in input.obj }\nr[\"c\"] := x if { x := input.n; y := x }", "{\"a\":1,\"b\":2,\"c\":2}" },
        { "r contains x if { x := input.arr[_] }\nr contains x if { not input.missing; x := \"none\" }", "[1,2,3,\"none\"]" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void StraightRule_SameOutcomeCompiledAndInterpreted(string rules, string expected)
    {
        Outcome.AssertRuleR(rules, Input, expected);
    }

    [Fact]
    public void PartialSetRules_EvaluatedTwice_SameResult()
    {
        // The shared frame is cleared between rules and between evaluations (the evaluator is reused).
        const string module = """
            package test

            r contains x if { x := input.n; x > 1 }
            r contains y if { some y in input.arr; y > 2 }
            """;
        var policy = CompiledPolicy.Compile("test.rego", module);
        var first = policy.EvaluateData(["test", "r"], new EvalOptions { Input = Input });
        var second = policy.EvaluateData(["test", "r"], new EvalOptions { Input = ValueJson.Parse("""{"arr": [5], "n": 0}""") });
        Assert.Equal("[2,3]", first?.ToJson());
        Assert.Equal("[5]", second?.ToJson());
    }
}
