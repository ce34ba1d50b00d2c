using Steward.Policy.Values;

namespace Steward.Policy.Tests.Evaluation;

/// <summary>
/// A multi-value rule whose first literal reads only data (a configuration switch) has that literal decided once
/// per data document: the outcome follows the data, <c>with</c> on data bypasses it, and errors still surface.
/// </summary>
public sealed class DataGuardTests
{
    private static readonly CompiledPolicy Policy = CompiledPolicy.Compile("g.rego", """
        package g
        cfg := data.cfg
        deny contains "model" if {
            count(cfg.allowed_models) > 0
            not input.model in cfg.allowed_models
        }
        deny contains "off" if {
            not data.cfg.enabled
            input.x > 0
        }
        deny contains "ratio" if {
            data.cfg.n / data.cfg.d > 1
            input.x > 0
        }
        limits[name] := n if {
            data.cfg.enabled == true
            some name, n in input.limits
        }
        deny contains "bound" if {
            some m in cfg.allowed_models
            m == input.model
        }
        """);

    private static readonly Value Input = ValueJson.Parse("""{"model": "m2", "x": 1, "limits": {"a": 1}}""");

    [Fact]
    public void GuardsAreTheFirstLiteralsThatReadOnlyData()
    {
        var rules = Policy.Tree.Root.Children["g"].Children["deny"].Rules;
        Assert.Equal([true, true, true, false], rules.Select(r => r.GuardId >= 0));
        Assert.True(Policy.Tree.Root.Children["g"].Children["limits"].Rules[0].GuardId >= 0);
        Assert.Equal(4, Policy.Tree.GuardCount);
    }

    [Fact]
    public void TheOutcomeFollowsEachDataDocument()
    {
        var open = ValueJson.Parse("""{"cfg": {"allowed_models": [], "enabled": true, "n": 1, "d": 1}}""");
        var strict = ValueJson.Parse("""{"cfg": {"allowed_models": ["m1"], "enabled": false, "n": 3, "d": 1}}""");
        for (var round = 0; round < 2; round++)
        {
            Assert.Equal("[]", Deny(open));
            Assert.Equal("""["model","off","ratio"]""", Deny(strict));
            Assert.Equal("""{"a":1}""", Eval(open, "limits"));
            Assert.Equal("{}", Eval(strict, "limits"));
        }
    }

    [Fact]
    public void WithOnData_DecidesTheGuardAfresh()
    {
        var open = ValueJson.Parse("""{"cfg": {"allowed_models": [], "enabled": true, "n": 1, "d": 1}}""");
        Assert.Equal("[]", Deny(open));
        var results = Policy.Prepare("""x := data.g.deny with data.cfg.allowed_models as ["m1"]""").Evaluate(new EvalOptions { Data = open, Input = Input });
        Assert.Equal("""["model"]""", results[0].Bindings["x"].ToJson());
        Assert.Equal("[]", Deny(open));
    }

    [Fact]
    public void AnErrorInAGuard_IsRaisedEveryTime()
    {
        var zero = ValueJson.Parse("""{"cfg": {"allowed_models": [], "enabled": true, "n": 1, "d": 0}}""");
        // Decided first without strict errors (the division is undefined), which must not hide the error later.
        Assert.Equal("[]", Deny(zero));
        var strict = new EvalOptions { Data = zero, Input = Input, StrictBuiltinErrors = true };
        for (var round = 0; round < 2; round++)
        {
            var error = Assert.Throws<RegoEvalException>(() => Policy.EvaluateData(["g", "deny"], strict));
            Assert.Contains("divide by zero", error.Message, StringComparison.Ordinal);
        }

        // Without strict errors the division is undefined and the rule does not hold.
        Assert.Equal("[]", Deny(zero));
    }

    private static string Deny(Value data) => Eval(data, "deny");

    private static string Eval(Value data, string rule) =>
        Policy.EvaluateData(["g", rule], new EvalOptions { Data = data, Input = Input })!.ToJson();
}
