using Steward.Policy.Values;

namespace Steward.Policy.Tests.Evaluation;

/// <summary>Rules that depend only on data are shared between evaluations over the same data, and only those.</summary>
public sealed class SharedValuesTests
{
    private static readonly CompiledPolicy Policy = CompiledPolicy.Compile("p.rego", """
        package test
        words := {lower(w) | some w in data.words}
        hit if input.word in words
        stamp := time.now_ns()
        via_input := count(input.items)
        """);

    [Fact]
    public void DataOnlyRule_IsRecomputedForOtherData()
    {
        var first = ValueJson.Parse("""{"words": ["Alpha"]}""");
        var second = ValueJson.Parse("""{"words": ["Beta"]}""");
        Assert.True(Hit(first, "alpha"));
        Assert.False(Hit(second, "alpha"));
        Assert.True(Hit(second, "beta"));
        Assert.True(Hit(first, "alpha"));
    }

    [Fact]
    public void InputDependentAndNondeterministicRules_AreNotShared()
    {
        var data = ValueJson.Parse("{}");
        var time = new SteppingClock();
        var a = Policy.EvaluateData(["test", "stamp"], new EvalOptions { Data = data, Time = time });
        var b = Policy.EvaluateData(["test", "stamp"], new EvalOptions { Data = data, Time = time });
        Assert.NotEqual(a, b);
        Assert.Equal(NumberValue.Of(2), Policy.EvaluateData(["test", "via_input"], new EvalOptions { Data = data, Input = ValueJson.Parse("""{"items": [1, 2]}""") }));
        Assert.Equal(NumberValue.Of(3), Policy.EvaluateData(["test", "via_input"], new EvalOptions { Data = data, Input = ValueJson.Parse("""{"items": [1, 2, 3]}""") }));
    }

    [Fact]
    public void WithOnData_DoesNotPolluteTheSharedValue()
    {
        var data = ValueJson.Parse("""{"words": ["Alpha"]}""");
        var results = Policy.Prepare("""x := data.test.words with data.words as ["Gamma"]""").Evaluate(new EvalOptions { Data = data });
        Assert.Equal("""["gamma"]""", results[0].Bindings["x"].ToJson());
        Assert.True(Hit(data, "alpha"));
        Assert.False(Hit(data, "gamma"));
    }

    [Fact]
    public void AValueComputedWithoutStrictErrors_DoesNotHideTheErrorFromAStrictQuery()
    {
        var policy = CompiledPolicy.Compile("r.rego", """
            package r
            ratio := data.n / data.d
            big if ratio > 1
            """);
        var data = ValueJson.Parse("""{"n": 1, "d": 0}""");
        for (var round = 0; round < 2; round++)
        {
            Assert.Null(policy.EvaluateData(["r", "ratio"], new EvalOptions { Data = data }));
            Assert.Null(policy.EvaluateData(["r", "big"], new EvalOptions { Data = data }));
            Assert.Throws<RegoEvalException>(() => policy.EvaluateData(["r", "ratio"], new EvalOptions { Data = data, StrictBuiltinErrors = true }));
            Assert.Throws<RegoEvalException>(() => policy.EvaluateData(["r", "big"], new EvalOptions { Data = data, StrictBuiltinErrors = true }));
        }
    }

    private static bool Hit(Value data, string word) =>
        Policy.EvaluateData(["test", "hit"], new EvalOptions { Data = data, Input = ValueJson.Parse($$"""{"word": "{{word}}"}""") }) is { IsTrue: true };

    private sealed class SteppingClock : TimeProvider
    {
        private long _ticks = DateTimeOffset.UnixEpoch.UtcTicks;

        public override DateTimeOffset GetUtcNow() => new(Interlocked.Add(ref _ticks, 1000), TimeSpan.Zero);
    }
}
