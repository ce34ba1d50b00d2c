using Steward.Policy.Values;

namespace Steward.Policy.Tests.Evaluation;

/// <summary>
/// References that read settings from data (constant keys, base documents or data-only rules) are computed once
/// per data document; references with variable keys, into input-dependent rules, or under <c>with</c> are not.
/// </summary>
public sealed class DataConstantRefTests
{
    private static readonly CompiledPolicy Policy = CompiledPolicy.Compile("p.rego", """
        package test
        limits := data.config.limits
        over if input.n > limits.max
        over_base if input.n > data.config.limits.max
        pick := data.config.items[input.i]
        chained contains x if {
            a := data.config.items[i]
            b := data.config.items[a]
            x := data.config.items[b]
        }
        by_input := data.test.echo.v
        echo := {"v": input.n}
        """);

    [Fact]
    public void SettingsRead_AreRecomputedForAnotherDataDocument()
    {
        var low = ValueJson.Parse("""{"config": {"limits": {"max": 1}, "items": [1, 2, 3, 4]}}""");
        var high = ValueJson.Parse("""{"config": {"limits": {"max": 10}, "items": [1, 2, 3, 4]}}""");
        foreach (var rule in new[] { "over", "over_base" })
        {
            Assert.True(Eval(rule, low, """{"n": 5}""")?.IsTrue);
            Assert.Null(Eval(rule, high, """{"n": 5}"""));
            Assert.True(Eval(rule, low, """{"n": 5}""")?.IsTrue);
        }
    }

    [Fact]
    public void VariableKeysAfterBaseDocuments_StillEnumerateEverySolution()
    {
        var data = ValueJson.Parse("""{"config": {"items": [1, 2, 3, 4]}}""");
        Assert.Equal("[3,4]", Eval("chained", data, "{}")!.ToJson());
        Assert.Equal("2", Eval("pick", data, """{"i": 1}""")!.ToJson());
        Assert.Equal("4", Eval("pick", data, """{"i": 3}""")!.ToJson());
    }

    [Fact]
    public void ReferencesIntoInputDependentRules_FollowTheInput()
    {
        var data = ValueJson.Parse("{}");
        Assert.Equal("1", Eval("by_input", data, """{"n": 1}""")!.ToJson());
        Assert.Equal("2", Eval("by_input", data, """{"n": 2}""")!.ToJson());
    }

    [Fact]
    public void WithOnData_ReplacesAMemoisedSetting()
    {
        var data = ValueJson.Parse("""{"config": {"limits": {"max": 10}}}""");
        Assert.Null(Eval("over", data, """{"n": 5}"""));
        var results = Policy.Prepare("data.test.over with data.config.limits.max as 1").Evaluate(new EvalOptions { Data = data, Input = ValueJson.Parse("""{"n": 5}""") });
        Assert.Single(results);
        Assert.Null(Eval("over", data, """{"n": 5}"""));
    }

    private static Value? Eval(string rule, Value data, string input) =>
        Policy.EvaluateData(["test", rule], new EvalOptions { Data = data, Input = ValueJson.Parse(input) });
}
