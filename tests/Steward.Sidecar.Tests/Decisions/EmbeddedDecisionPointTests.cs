using Steward.Policy.Decisions;
using Steward.Policy.Values;

namespace Steward.Sidecar.Tests.Decisions;

public sealed class EmbeddedDecisionPointTests
{
    private static readonly PolicyPath Path = PolicyPath.Parse("data.ai_policy");

    [Fact]
    public async Task Deny_NamesTheRules_AndKeepsTheResult()
    {
        var decision = await Sidecars.Embedded().DecideAsync(Path, ValueJson.Parse("{\"phase\":\"response\",\"prediction\":{\"confidence\":0.1}}"));
        Assert.False(decision.Allowed);
        Assert.Equal(["low_confidence: confidence below 0.5"], decision.Deny);
        Assert.NotNull(decision.Result);
        Assert.True(Guid.TryParse(decision.DecisionId, out var id) && id.Version == 7);
    }

    [Fact]
    public async Task TimeLimit_DeniesWithPolicyTimeout()
    {
        var engine = Sidecars.Embedded(SlowPolicy.Text, TimeSpan.FromMilliseconds(20), data: SlowPolicy.Data);
        var decision = await engine.DecideAsync(Path, NullValue.Instance);
        Assert.False(decision.Allowed);
        Assert.Equal(DecisionErrorCodes.Timeout, decision.Error?.Code);
        Assert.True(decision.Duration < TimeSpan.FromSeconds(2), $"took {decision.Duration}");
    }

    [Fact]
    public async Task EvaluationError_DeniesWithTheEngineCode()
    {
        var engine = Sidecars.Embedded("package ai_policy\n\nallow := true if input.x == 1\n\nallow := false if input.y == 1\n");
        var decision = await engine.DecideAsync(Path, ValueJson.Parse("{\"x\":1,\"y\":1}"));
        Assert.False(decision.Allowed);
        Assert.Equal("eval_conflict_error", decision.Error?.Code);
    }
}
