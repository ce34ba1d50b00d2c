using Steward.Policy.Values;

namespace Steward.Policy.Tests.Evaluation;

/// <summary>
/// count and sum of an array comprehension run without building the array; every answer and error must be
/// the built-in's over the array (the comparisons below are against the same expression over a named array).
/// </summary>
public sealed class AggregateComprehensionTests
{
    private static readonly CompiledPolicy Policy = CompiledPolicy.Compile("s.rego", """
        package s
        items := input.items
        fused_sum := sum([x | some x in items])
        plain_sum := sum(arr) if arr := [x | some x in items]
        fused_count := count([x | some x in items; x != 0])
        plain_count := count(arr) if arr := [x | some x in items; x != 0]
        doubled := sum([y | some x in items; y := x * 2])
        mocked := v if v := sum([x | some x in items]) with sum as fake_sum
        fake_sum(_) := 42
        """);

    [Theory]
    [InlineData("[1, 2, 3]", "6", "3")]
    [InlineData("[]", "0", "0")]
    [InlineData("[1.5, 2.25]", "3.75", "2")]
    [InlineData("[0.1, 0.2]", "0.3", "2")]
    [InlineData("[9223372036854775807, 1]", "9223372036854775808", "2")]
    [InlineData("[-9223372036854775808, -1]", "-9223372036854775809", "2")]
    [InlineData("[1, 1, 0, 1]", "3", "3")]
    public void SumAndCount_MatchTheBuiltinsOverTheArray(string items, string sum, string count)
    {
        var options = new EvalOptions { Input = ValueJson.Parse($$"""{"items": {{items}}}""") };
        Assert.Equal(sum, Policy.EvaluateData(["s", "fused_sum"], options)!.ToJson());
        Assert.Equal(Policy.EvaluateData(["s", "plain_sum"], options), Policy.EvaluateData(["s", "fused_sum"], options));
        Assert.Equal(count, Policy.EvaluateData(["s", "fused_count"], options)!.ToJson());
        Assert.Equal(Policy.EvaluateData(["s", "plain_count"], options), Policy.EvaluateData(["s", "fused_count"], options));
    }

    [Fact]
    public void ANonNumber_IsTheBuiltinsError()
    {
        var options = new EvalOptions { Input = ValueJson.Parse("""{"items": [1, "two"]}"""), StrictBuiltinErrors = true };
        var fused = Assert.Throws<RegoEvalException>(() => Policy.EvaluateData(["s", "fused_sum"], options));
        var plain = Assert.Throws<RegoEvalException>(() => Policy.EvaluateData(["s", "plain_sum"], options));
        // The same error, at each rule's own location (line:column first).
        Assert.Equal(plain.Message[plain.Message.IndexOf(' ', StringComparison.Ordinal)..], fused.Message[fused.Message.IndexOf(' ', StringComparison.Ordinal)..]);
        Assert.Contains("sum: operand 1 must be array of numbers", fused.Message, StringComparison.Ordinal);
        Assert.Null(Policy.EvaluateData(["s", "fused_sum"], options with { StrictBuiltinErrors = false }));
    }

    [Fact]
    public void ComputedItems_AndMockedSum()
    {
        var options = new EvalOptions { Input = ValueJson.Parse("""{"items": [1, 2]}""") };
        Assert.Equal("6", Policy.EvaluateData(["s", "doubled"], options)!.ToJson());
        Assert.Equal("42", Policy.EvaluateData(["s", "mocked"], options)!.ToJson());
    }
}
