using Steward.Policy.Decisions;
using Steward.Policy.Values;

namespace Steward.Sidecar.Tests.Decisions;

public sealed class DecisionConventionTests
{
    private static readonly PolicyPath Path = PolicyPath.Parse("data.p");

    [Theory]
    [InlineData("{\"allow\":true}", true)]
    [InlineData("{\"allow\":true,\"deny\":[]}", true)]
    [InlineData("{\"deny\":[]}", true)]
    [InlineData("{\"other\":1}", true)]
    [InlineData("{\"allow\":false}", false)]
    [InlineData("{\"allow\":true,\"deny\":[\"x: y\"]}", false)]
    [InlineData("{\"deny\":[\"x: y\"]}", false)]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void Interpret_FollowsAllowAndDeny(string json, bool allowed)
    {
        var (result, _, error) = DecisionConvention.Interpret(Path, ValueJson.Parse(json));
        Assert.Equal(allowed, result);
        Assert.Null(error);
    }

    [Fact]
    public void AllowFalseWithoutMessages_SaysAllowIsNotTrue()
    {
        var (_, deny, _) = DecisionConvention.Interpret(Path, ValueJson.Parse("{\"allow\":false}"));
        Assert.Equal(["data.p.allow is not true"], deny);
    }

    [Fact]
    public void DenyObjects_GiveTheirMsg_OtherValuesTheirJson()
    {
        var (_, deny, _) = DecisionConvention.Interpret(Path, ValueJson.Parse("{\"deny\":[{\"msg\":\"a: b\",\"rule\":\"a\"},{\"code\":7}]}"));
        Assert.Equal(["a: b", "{\"code\":7}"], deny);
    }

    [Theory]
    [InlineData(null, DecisionErrorCodes.Undefined)]
    [InlineData("\"yes\"", DecisionErrorCodes.BadResult)]
    [InlineData("{\"allow\":1}", DecisionErrorCodes.BadResult)]
    [InlineData("{\"deny\":\"x\"}", DecisionErrorCodes.BadResult)]
    public void BrokenDocuments_FailClosed(string? json, string code)
    {
        var (allowed, deny, error) = DecisionConvention.Interpret(Path, json is null ? null : ValueJson.Parse(json));
        Assert.False(allowed);
        Assert.Equal(code, error?.Code);
        Assert.Single(deny);
    }

    [Theory]
    [InlineData("data.ai_policy", "data.ai_policy", "ai_policy")]
    [InlineData("ai_policy.allow", "data.ai_policy.allow", "ai_policy/allow")]
    [InlineData("ai_policy/allow", "data.ai_policy.allow", "ai_policy/allow")]
    public void PolicyPath_AcceptsDottedAndSlashed(string text, string dotted, string slashed)
    {
        var path = PolicyPath.Parse(text);
        Assert.Equal(dotted, path.Dotted);
        Assert.Equal(slashed, path.Slashed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("data")]
    [InlineData("data.")]
    [InlineData("a..b")]
    [InlineData("a.b-c")]
    [InlineData("1a")]
    public void PolicyPath_RejectsWhatIsNotAPath(string text) =>
        Assert.False(PolicyPath.TryParse(text, out _, out _));
}
