using Steward.Policy.Values;

namespace Steward.Policy.Tests.Evaluation;

/// <summary>
/// Strings parsed from JSON know whether they are ASCII (then <c>count</c> is their length and the regex
/// prefilter skips its own check); the shortcut must never claim ASCII for other text.
/// </summary>
public sealed class AsciiStringTests
{
    private static readonly CompiledPolicy Policy = CompiledPolicy.Compile("a.rego", """
        package a
        lengths := [count(s) | some s in input.texts]
        kelvin := [regex.match(`(?i)kelvin`, s) | some s in input.texts]
        """);

    // Raw UTF-8, an escaped é, an escaped surrogate pair, plain ASCII, and the Kelvin sign (K, which folds to k).
    private const string Texts = """{"texts": ["héllo", "h\u00e9llo", "a\ud83d\ude00", "plain", "\u212Aelvin", "KELVIN", "Kelvin"]}""";

    [Fact]
    public void Count_IsTheRuneCountWhateverTheSpelling()
    {
        var input = ValueJson.Parse(Texts);
        Assert.Equal("[5,5,2,5,6,6,6]", Eval(input, "lengths"));
    }

    [Fact]
    public void CaseInsensitiveRegex_StillSeesUnicodeFolding()
    {
        var input = ValueJson.Parse(Texts);
        Assert.Equal("[false,false,false,false,true,true,true]", Eval(input, "kelvin"));
    }

    [Theory]
    [InlineData("\"plain\"", true)]
    [InlineData("\"h\\u0065llo\"", true)]
    [InlineData("\"héllo\"", false)]
    [InlineData("\"h\\u00e9llo\"", false)]
    public void ParsedStrings_KnowTheirAsciiness(string json, bool ascii) =>
        Assert.Equal(ascii, Assert.IsType<StringValue>(ValueJson.Parse(json)).IsAscii);

    private static string Eval(Value input, string rule) =>
        Policy.EvaluateData(["a", rule], new EvalOptions { Input = input })!.ToJson();
}
