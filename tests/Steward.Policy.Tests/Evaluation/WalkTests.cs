namespace Steward.Policy.Tests.Evaluation;

/// <summary>
/// walk(x, pattern) runs in the evaluator (no list of all pairs, no paths for <c>[_, v]</c>): the same
/// nodes, in the same pre-order, as the relation that builds every <c>[path, value]</c> pair.
/// </summary>
public sealed class WalkTests
{
    private const string Doc = """{"b": [1, {"c": "x"}], "a": {"d": true}, "s": null}""";

    [Fact]
    public void WildcardPath_VisitsEveryValueInPreOrder()
    {
        const string module = "package test\n\nvalues := [v | walk(input, [_, v])]\n";
        Assert.Equal(
            """[{"a":{"d":true},"b":[1,{"c":"x"}],"s":null},{"d":true},true,[1,{"c":"x"}],1,{"c":"x"},"x",null]""",
            Rego.Value(module, "values", Doc));
    }

    [Fact]
    public void BoundPathPattern_AndWholePairs_MatchTheRelation()
    {
        const string module = """
            package test

            pairs := [p | walk(input, p)]
            paths := [path | walk(input, [path, _])]
            strings := [path | walk(input, [path, v]); is_string(v)]
            at_b := [v | walk(input, [["b", 1], v])]
            count_via_relation := count([x | some x in pairs])
            """;
        Assert.Equal("""[[],["a"],["a","d"],["b"],["b",0],["b",1],["b",1,"c"],["s"]]""", Rego.Value(module, "paths", Doc));
        Assert.Equal("""[["b",1,"c"]]""", Rego.Value(module, "strings", Doc));
        Assert.Equal("""[{"c":"x"}]""", Rego.Value(module, "at_b", Doc));
        Assert.Equal("8", Rego.Value(module, "count_via_relation", Doc));
        Assert.StartsWith("""[[[],{"a":""", Rego.Value(module, "pairs", Doc));
    }

    [Fact]
    public void ValuePattern_Filters_AndNegationAndSets_Work()
    {
        const string module = """
            package test

            ones contains v if { walk(input, [_, v]); v == 1 }
            no_true if not walk(input, [_, false])
            set_values := [v | walk({1, [2]}, [_, v])]
            first_string := v if { walk(input, [_, v]); is_string(v) }
            """;
        Assert.Equal("[1]", Rego.Value(module, "ones", Doc));
        Assert.Equal("true", Rego.Value(module, "no_true", Doc));
        Assert.Equal("[[1,[2]],1,[2],2]", Rego.Value(module, "set_values", Doc));
        Assert.Equal("\"x\"", Rego.Value(module, "first_string", Doc));
    }

    [Fact]
    public void Walk_CanBeMocked()
    {
        const string module = """
            package test

            mocked := x if { x := [v | walk(input, [_, v])] with walk as fake }
            fake(_) := [[], "mock"]
            """;
        Assert.Equal("""["mock"]""", Rego.Value(module, "mocked", Doc));
    }
}
