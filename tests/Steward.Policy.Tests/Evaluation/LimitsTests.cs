using Steward.Policy.Values;

namespace Steward.Policy.Tests.Evaluation;

public sealed class LimitsTests
{
    private static readonly Value Data = ValueJson.Parse("{\"xs\": [" + string.Join(',', Enumerable.Range(0, 2000)) + "]}");

    private static readonly CompiledPolicy SlowPolicy = CompiledPolicy.Compile("slow.rego", """
        package test
        slow if {
            some a in data.xs
            some b in data.xs
            some c in data.xs
            a + b + c < 0
        }
        """);

    [Fact]
    public void Evaluation_PastItsTimeLimit_StopsWithCancelError()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var error = Assert.Throws<RegoEvalException>(() =>
            SlowPolicy.EvaluateData(["test", "slow"], new EvalOptions { Data = Data, Timeout = TimeSpan.FromMilliseconds(50) }));
        Assert.Equal("eval_cancel_error", error.Code);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), $"took {started.Elapsed}");
    }

    [Fact]
    public void Cancellation_StopsEvaluation()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        var error = Assert.Throws<RegoEvalException>(() =>
            SlowPolicy.EvaluateData(["test", "slow"], new EvalOptions { Data = Data, CancellationToken = cts.Token }));
        Assert.Equal("eval_cancel_error", error.Code);
    }

    [Fact]
    public void CompiledPolicy_IsSafeToShareAcrossThreads()
    {
        var policy = CompiledPolicy.Compile("p.rego", """
            package test
            total := s if { s := input.a + input.b }
            """);
        Parallel.For(0, 2000, i =>
        {
            var value = policy.EvaluateData(["test", "total"], new EvalOptions { Input = ValueJson.Parse($$"""{"a": {{i}}, "b": 1}""") });
            Assert.Equal(NumberValue.Of(i + 1), value);
        });
    }
}
