namespace Steward.Policy.Tests.Evaluation;

public sealed class RuleSemanticsTests
{
    [Fact]
    public void CompleteRule_IsUndefinedWhenNoBodyHolds_AndDefaultFillsIn()
    {
        const string module = """
            package test
            allow if input.score > 0.7
            default decision := "deny"
            decision := "allow" if allow
            """;
        Assert.Null(Rego.Value(module, "allow", """{"score": 0.5}"""));
        Assert.Equal("true", Rego.Value(module, "allow", """{"score": 0.9}"""));
        Assert.Equal("\"deny\"", Rego.Value(module, "decision", """{"score": 0.5}"""));
        Assert.Equal("\"allow\"", Rego.Value(module, "decision", """{"score": 0.9}"""));
    }

    [Fact]
    public void Else_TakesTheFirstBodyThatHolds()
    {
        const string module = """
            package test
            level := "high" if input.x > 10
            else := "medium" if input.x > 5
            else := "low"
            """;
        Assert.Equal("\"high\"", Rego.Value(module, "level", """{"x": 11}"""));
        Assert.Equal("\"medium\"", Rego.Value(module, "level", """{"x": 6}"""));
        Assert.Equal("\"low\"", Rego.Value(module, "level", """{"x": 1}"""));
    }

    [Fact]
    public void CompleteRule_WithTwoValues_IsAConflictError()
    {
        const string module = """
            package test
            p := 1 if true
            p := 2 if true
            """;
        var error = Assert.Throws<RegoEvalException>(() => Rego.Value(module, "p"));
        Assert.Equal("eval_conflict_error", error.Code);
        Assert.Contains("complete rules must not produce multiple outputs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BuiltinErrors_AreUndefinedByDefault_AndErrorsWhenStrict()
    {
        const string module = """
            package test
            p := input.a / input.b
            """;
        Assert.Null(Rego.Value(module, "p", """{"a": 1, "b": 0}"""));
        var error = Assert.Throws<RegoEvalException>(() => Rego.Query(module, "x := data.test.p", """{"a": 1, "b": 0}""", strict: true));
        Assert.Equal("eval_builtin_error", error.Code);
        Assert.Contains("div: divide by zero", error.Message, StringComparison.Ordinal);
        var typeError = Assert.Throws<RegoEvalException>(() => Rego.Query(module, "x := data.test.p", """{"a": "1", "b": 2}""", strict: true));
        Assert.Equal("eval_type_error", typeError.Code);
        Assert.Contains("operand 1 must be number but got string", typeError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PartialSet_IsEmptyNotUndefined_WhenNothingMatches()
    {
        const string module = """
            package test
            deny contains x if { some x in input.items; x > 10 }
            """;
        Assert.Equal("[]", Rego.Value(module, "deny", """{"items": [1, 2]}"""));
        Assert.Equal("[11,12]", Rego.Value(module, "deny", """{"items": [12, 1, 11]}"""));
    }

    [Fact]
    public void PartialObject_ConflictingValuesForOneKey_IsAnError()
    {
        const string module = """
            package test
            p[k] := v if { some k, v in input }
            q[k] := 1 if { some k in ["a", "a"] }
            r[k] := v if { some v in [1, 2]; k := "a" }
            """;
        Assert.Equal("""{"a":1,"b":2}""", Rego.Value(module, "p", """{"a": 1, "b": 2}"""));
        Assert.Equal("""{"a":1}""", Rego.Value(module, "q"));
        var error = Assert.Throws<RegoEvalException>(() => Rego.Value(module, "r"));
        Assert.Equal("eval_conflict_error", error.Code);
    }

    [Fact]
    public void Functions_MatchArgumentPatterns_AndConflictOnTwoOutputs()
    {
        const string module = """
            package test
            f(1) := "one"
            f(x) := "big" if x > 100
            a := f(1)
            b := f(500)
            c := f(7)
            g(x) := 1 if x > 0
            g(x) := 2 if x > 1
            d := g(5)
            """;
        Assert.Equal("\"one\"", Rego.Value(module, "a"));
        Assert.Equal("\"big\"", Rego.Value(module, "b"));
        Assert.Null(Rego.Value(module, "c"));
        var error = Assert.Throws<RegoEvalException>(() => Rego.Value(module, "d"));
        Assert.Contains("functions must not produce multiple outputs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Not_Some_Every_And_In()
    {
        const string module = """
            package test
            all_positive if every x in input.xs { x > 0 }
            has_two if 2 in input.xs
            no_zero if not 0 in input.xs
            pairs contains [i, x] if some i, x in input.xs
            """;
        const string input = """{"xs": [3, 2, 1]}""";
        Assert.Equal("true", Rego.Value(module, "all_positive", input));
        Assert.Null(Rego.Value(module, "all_positive", """{"xs": [1, -1]}"""));
        Assert.Equal("true", Rego.Value(module, "all_positive", """{"xs": []}"""));
        Assert.Equal("true", Rego.Value(module, "has_two", input));
        Assert.Equal("true", Rego.Value(module, "no_zero", input));
        Assert.Null(Rego.Value(module, "no_zero", """{"xs": [0]}"""));
        Assert.Equal("[[0,3],[1,2],[2,1]]", Rego.Value(module, "pairs", input));
    }

    [Fact]
    public void Comprehensions_SeeOuterVariables_AndDoNotLeakTheirOwn()
    {
        const string module = """
            package test
            over := [x | some x in input.xs; x > input.limit]
            by_parity := {p: xs | some p in ["even", "odd"]; xs := [x | some x in input.xs; parity(x) == p]}
            parity(x) := "even" if x % 2 == 0
            else := "odd"
            distinct := {x | some x in input.xs}
            """;
        const string input = """{"xs": [1, 2, 3, 4, 4], "limit": 2}""";
        Assert.Equal("[3,4,4]", Rego.Value(module, "over", input));
        Assert.Equal("""{"even":[2,4,4],"odd":[1,3]}""", Rego.Value(module, "by_parity", input));
        Assert.Equal("[1,2,3,4]", Rego.Value(module, "distinct", input));
    }

    [Fact]
    public void With_ReplacesInputDataAndFunctions_ForOneLiteralOnly()
    {
        const string module = """
            package test
            allow if input.role == "admin"
            limit := data.limits.max
            double(x) := x * 2
            quad(x) := double(double(x))
            t1 if allow with input.role as "admin"
            t2 if { limit == 9 with data.limits.max as 9; limit == 3 }
            t3 if quad(1) == 16 with double as triple_plus
            triple_plus(x) := x * 4
            """;
        const string data = """{"limits": {"max": 3}}""";
        Assert.Equal("true", Rego.Value(module, "t1", """{"role": "viewer"}""", data));
        Assert.Equal("true", Rego.Value(module, "t2", null, data));
        Assert.Equal("true", Rego.Value(module, "t3", null, data));
    }

    [Fact]
    public void BaseAndVirtualDocuments_MergeUnderData()
    {
        const string module = """
            package test
            p := 1
            """;
        var results = Rego.Query(module, "x := data.test; y := data.other.k", data: """{"other": {"k": "v"}, "test": {"base": true}}""");
        var result = Assert.Single(results);
        Assert.Equal("""{"base":true,"p":1}""", result.Bindings["x"].ToJson());
        Assert.Equal("\"v\"", result.Bindings["y"].ToJson());
    }

    [Fact]
    public void Query_EnumeratesBindings_AndCapturesFalseTermValues()
    {
        const string module = """
            package test
            ok := false
            """;
        var results = Rego.Query(module, "data.test.ok", data: null);
        Assert.Equal("false", Assert.Single(results).Expressions[0].ToJson());
        var many = Rego.Query(module, "some i; x := [10, 20][i]");
        Assert.Equal(["10", "20"], many.Select(r => r.Bindings["x"].ToJson()));
        Assert.Empty(Rego.Query(module, "1 == 2"));
    }

    [Fact]
    public void Print_WritesToTheSink_AndNeverFails()
    {
        var policy = CompiledPolicy.Compile("p.rego", """
            package test
            p if { print("value:", input.x, input.missing); true }
            """);
        var lines = new List<string>();
        var value = policy.EvaluateData(["test", "p"], new EvalOptions { Input = Values.ValueJson.Parse("""{"x": 5}"""), Print = lines.Add });
        Assert.True(value!.IsTrue);
        Assert.Equal(["value: 5 <undefined>"], lines);
    }
}
