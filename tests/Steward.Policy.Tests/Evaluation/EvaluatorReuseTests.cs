using Steward.Policy.Builtins;
using Steward.Policy.Values;

namespace Steward.Policy.Tests.Evaluation;

/// <summary>
/// A thread reuses its last evaluator (frames, collectors, rule cache) for the next query: nothing of one query
/// may leak into the next, after an error, across policies, or when a built-in evaluates a policy inside a query.
/// </summary>
public sealed class EvaluatorReuseTests
{
    private const string Module = """
        package test

        x := input.x
        double := x * 2
        f(a) := a + 1
        g(a) := f(a) * 10
        twice := g(x)
        s contains v if { some v in input.items; v > x }
        conflict := 1 if input.boom
        conflict := 2 if input.boom
        """;

    [Fact]
    public void QueryAfterAnError_SeesNothingOfIt()
    {
        var policy = CompiledPolicy.Compile("test.rego", Module);
        Assert.Throws<RegoEvalException>(() => policy.EvaluateData(["test", "conflict"], Options("""{"x": 5, "boom": true}""")));
        Assert.Equal("12", policy.EvaluateData(["test", "double"], Options("""{"x": 6}"""))?.ToJson());
        Assert.Equal("70", policy.EvaluateData(["test", "twice"], Options("""{"x": 6}"""))?.ToJson());
        Assert.Equal("[7,9]", policy.EvaluateData(["test", "s"], Options("""{"x": 6, "items": [1, 7, 9]}"""))?.ToJson());
    }

    [Fact]
    public void AlternatingQueries_AndPolicies_KeepTheirOwnCaches()
    {
        var first = CompiledPolicy.Compile("test.rego", Module);
        var second = CompiledPolicy.Compile("other.rego", "package test\n\ndouble := input.x * 3\nextra := 1\nmore := 2\n");
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal((i * 2).ToString(System.Globalization.CultureInfo.InvariantCulture), first.EvaluateData(["test", "double"], Options($$"""{"x": {{i}}}"""))?.ToJson());
            Assert.Equal((i * 3).ToString(System.Globalization.CultureInfo.InvariantCulture), second.EvaluateData(["test", "double"], Options($$"""{"x": {{i}}}"""))?.ToJson());
        }
    }

    [Fact]
    public void BuiltinThatEvaluatesAPolicy_RunsInsideAQuery()
    {
        var inner = CompiledPolicy.Compile("inner.rego", "package inner\n\nscore := input.v * 100\n");
        var builtins = BuiltinRegistry.CreateDefault();
        builtins.Register("test.inner_score", 1, (_, a) => inner.EvaluateData(["inner", "score"], new EvalOptions { Input = ValueJson.Parse($$"""{"v": {{a[0].ToJson()}}}""") }));
        var outer = CompiledPolicy.Compile([new PolicySource("outer.rego", """
            package outer

            scores := [s | some v in input.values; s := test.inner_score(v)]
            total := sum(scores) + input.offset
            """)], builtins);
        Assert.Equal("601", outer.EvaluateData(["outer", "total"], Options("""{"values": [1, 2, 3], "offset": 1}"""))?.ToJson());
        Assert.Equal("[100,200,300]", outer.EvaluateData(["outer", "scores"], Options("""{"values": [1, 2, 3], "offset": 1}"""))?.ToJson());
        Assert.Equal("700", inner.EvaluateData(["inner", "score"], Options("""{"v": 7}"""))?.ToJson());
    }

    [Fact]
    public void ConcurrentQueries_OnManyThreads_AgreeWithOneThread()
    {
        var policy = CompiledPolicy.Compile("test.rego", Module);
        Parallel.For(0, 2000, i =>
        {
            var expected = ((i + 1) * 10).ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(expected, policy.EvaluateData(["test", "twice"], Options($$"""{"x": {{i}}}"""))?.ToJson());
        });
    }

    private static EvalOptions Options(string input) => new() { Input = ValueJson.Parse(input) };
}
