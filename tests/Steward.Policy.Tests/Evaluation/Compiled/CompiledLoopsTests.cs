using Steward.Policy.Values;

namespace Steward.Policy.Tests.Evaluation.Compiled;

/// <summary>
/// Iteration run as loops over compiled forms (<c>some ... in</c> in rule, function and comprehension bodies)
/// against the interpreter: every query of a module written to reach the corner cases (collections of each
/// kind and none, undefined, early exit of constant rules, conflicts, built-in errors strict and not, nested
/// loops, hand-over to the interpreter mid-way, <c>with</c>, <c>print</c>) must give the same outcome both ways.
/// </summary>
public sealed class CompiledLoopsTests(ITestOutputHelper output)
{
    private const string Module = """
        package loops

        items contains x if {
            some x in input.xs
            x != 2
        }

        pairs contains [k, v] if {
            some k, v in input.xs
        }

        pairs_obj[k] := v if {
            some k, v in input.o
            not k == "skip"
        }

        any_big if {
            some x in input.xs
            x > 2
        }

        first_big := x if {
            some x in input.xs
            x > 2
        }

        doubled := [y | some x in input.xs; y := x * 2]

        names := {n | some _, v in input.o; n := sprintf("%v", [v])}

        nested := [[i, j] | some i in input.xs; some j in input.xs; i < j]

        total := sum([n | some n in input.xs])

        numbers_as_text := [to_number(x) | some x in input.texts]

        inner := [c | some x in input.xs; c := count([y | some y in input.xs; y <= x])]

        has(coll, want) if {
            some v in coll
            v == want
        }

        has_two if has(input.xs, 2)

        member_of_set if {
            s := {v | some v in input.xs}
            some w in s
            w == 3
        }

        keys_bound contains k if {
            k := "a"
            some k2, _ in input.o
            k2 == k
        }

        via_data contains x if {
            some x in data.d.list
            some y in input.xs
            x == y
        }

        with_call contains x if {
            some x in split(input.csv, ",")
            x != ""
        }

        shadow contains x if {
            some x in input.xs
            some x2 in [x, x]
            x2 == x
        }

        every_ok if {
            every x in input.xs { x < 10 }
        }

        every_object_domain if {
            every x in {"a": input.y, "b": 1} { x < 10 }
        }

        every_key_value if {
            every k, v in input.o { is_string(k); v != 3 }
        }

        every_nested if {
            every x in input.xs {
                some y in input.xs
                y >= x
                every z in input.xs { z == z }
            }
        }

        every_nested_then_failing if {
            every x in input.xs {
                every z in [1] { z == 1 }
                x > 100
            }
        }

        not_every_nested_then_failing if {
            not every_nested_then_failing_body
        }

        every_nested_then_failing_body if {
            every x in input.xs {
                every z in [1] { z == 1 }
                x > 100
            }
        }

        every_calls_every if {
            every x in input.xs {
                all_small([1])
                x > 100
            }
        }

        all_small(list) if {
            every v in list { v < 10 }
        }

        every_error if {
            every t in input.texts { to_number(t) > 0 }
        }

        every_undefined_domain if {
            every x in input.missing { x > 1 }
        }

        every_then_more contains x if {
            every y in input.xs { y != 7 }
            some x in input.xs
        }

        walked_strings contains s if {
            walk(input, [_, s])
            is_string(s)
        }

        walked_order := [v | walk(input.o, [_, v])]

        walked_numbers := [n | [_, n] = walk(input.xs); is_number(n); n > 1]

        walked_bound contains v if {
            v := input.y
            walk(input, [_, v])
        }

        walked_nested := [[a, b] | walk(input.xs, [_, a]); is_array(a); walk(a, [_, b])]

        walked_printed := [v | walk(input.o, [_, v]); print(v)]

        walked_mocked := y if {
            y := walked_order with walk as fake_walk
        }

        fake_walk(x) := [["p"], "mock"]

        printed := [x | some x in input.xs; print(x)]

        mocked := [f(x) | some x in input.xs]

        f(x) := x + 1

        g(x) := x * 10

        uses_mock := y if {
            y := mocked with f as g
        }
        """;

    private static readonly string[] Inputs =
    [
        """{"xs": [1, 2, 3, 4], "o": {"a": 1, "b": 2, "skip": 3}, "texts": ["1", "2.5"], "csv": "a,,b"}""",
        """{"xs": [], "o": {}, "texts": [], "csv": ""}""",
        """{"xs": {"p": 1, "q": 5}, "o": [9, 8], "texts": ["x"], "csv": 7}""",
        """{"xs": "not a collection", "o": null, "texts": "1"}""",
        """{"xs": [3, 5, 3], "o": {"a": 1}, "y": 20}""",
        """{"o": {"a": "a"}}""",
        """{"xs": [2, 2.0, "2", [2]], "o": {"a": {"b": 1}, "c": [1]}, "texts": [1, "3"]}""",
        """{}""",
    ];

    [Fact]
    public void LoopBody_HandsOverMidWayWithoutRunningAnythingTwice()
    {
        // The pattern unification answers "not inline" at run time, so each iteration's rest of the body is the
        // interpreter's; the prints before and after it must come once per solution, in the same order both ways.
        const string module = """
            package handover
            pairs contains b if {
                some x in input.xs
                print("x", x)
                [a, b] := x
                print("a", a)
                a > 0
            }
            """;
        var input = ValueJson.Parse("""{"xs": [[1, "p"], [0, "q"], "r", [2, "s"]]}""");
        string Run(bool interpreted)
        {
            var lines = new List<string>();
            var policy = CompiledPolicy.Compile([new PolicySource("h.rego", module)], null, interpreted);
            var value = policy.EvaluateData(["handover", "pairs"], new EvalOptions { Input = input, Print = lines.Add });
            return value?.ToJson() + " | " + string.Join("; ", lines);
        }

        var compiled = Run(interpreted: false);
        Assert.Equal(Run(interpreted: true), compiled);
        Assert.Equal("""["p","s"] | x [1, "p"]; a 1; x [0, "q"]; a 0; x r; x [2, "s"]; a 2""", compiled);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_WhoseBodyFailsAfterANestedEveryHeld_DoesNotHold(bool interpreted)
    {
        // A nested every (or a function using one) that holds must not count as a solution of the outer body
        // when a later literal of that body fails.
        var policy = CompiledPolicy.Compile([new PolicySource("loops.rego", Module)], null, interpreted);
        var options = new EvalOptions { Input = ValueJson.Parse("""{"xs": [1, 2]}""") };
        Assert.Null(policy.EvaluateData(["loops", "every_nested_then_failing"], options));
        Assert.Null(policy.EvaluateData(["loops", "every_calls_every"], options));
        Assert.Equal("true", policy.EvaluateData(["loops", "not_every_nested_then_failing"], options)?.ToJson());
    }

    [Fact]
    public void LoopBodies_SameOutcomeCompiledAndInterpreted()
    {
        var sources = new[] { new PolicySource("loops.rego", Module) };
        var compiled = CompiledPolicy.Compile(sources, null, interpreted: false);
        var interpreted = CompiledPolicy.Compile(sources, null, interpreted: true);
        var data = ValueJson.Parse("""{"d": {"list": [4, 3, "x"]}}""");
        var queries = new[]
        {
            "items", "pairs", "pairs_obj", "any_big", "first_big", "doubled", "names", "nested", "total", "numbers_as_text",
            "inner", "has_two", "member_of_set", "keys_bound", "via_data", "with_call", "shadow", "every_ok", "every_key_value", "every_nested",
            "every_nested_then_failing", "not_every_nested_then_failing", "every_calls_every",
            "every_error", "every_undefined_domain", "every_object_domain", "every_then_more", "printed",
            "mocked", "uses_mock", "walked_strings", "walked_order", "walked_numbers", "walked_bound", "walked_nested",
            "walked_printed", "walked_mocked",
        };
        var differences = new List<string>();
        var outcomes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var json in Inputs)
        {
            var input = ValueJson.Parse(json);
            foreach (var strict in new[] { false, true })
            {
                foreach (var name in queries)
                {
                    var query = "x := data.loops." + name;
                    var options = new EvalOptions { Input = input, Data = data, StrictBuiltinErrors = strict };
                    var a = Outcome.Of(() => compiled.Prepare(query).Evaluate(options));
                    var b = Outcome.Of(() => interpreted.Prepare(query).Evaluate(options));
                    outcomes.Add(a);
                    if (a != b)
                    {
                        differences.Add($"{json} {query} strict={strict}:\n compiled:    {a}\n interpreted: {b}");
                    }
                }

                // The whole package at once: rules evaluated in another order share the rule cache.
                var whole = new EvalOptions { Input = input, Data = data, StrictBuiltinErrors = strict };
                var wa = Outcome.OfValue(() => compiled.EvaluateData(["loops"], whole));
                var wb = Outcome.OfValue(() => interpreted.EvaluateData(["loops"], whole));
                if (wa != wb)
                {
                    differences.Add($"{json} data.loops strict={strict}:\n compiled:    {wa}\n interpreted: {wb}");
                }
            }
        }

        foreach (var difference in differences)
        {
            output.WriteLine(difference);
        }

        Assert.Empty(differences);
        // The cases reach what they are meant to: conflicts, errors and undefined all occur.
        Assert.Contains(outcomes, o => o.StartsWith("error eval_conflict_error", StringComparison.Ordinal));
        Assert.Contains(outcomes, o => o.StartsWith("error eval_builtin_error", StringComparison.Ordinal));
        Assert.Contains("0 result(s)", outcomes);
    }
}
