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

/// <summary>Object keys parsed from JSON are the shared instances of the policies' constant strings where one exists.</summary>
public sealed class KnownStringTests
{
    [Fact]
    public void ParsedKeys_AreThePolicysConstants()
    {
        var policy = CompiledPolicy.Compile("k.rego", """
            package k
            hit if input.known_key_7f3a == 1
            escaped if input["caf\u00e9_key_7f3a"] == 2
            """);
        var input = Assert.IsType<ObjectValue>(ValueJson.Parse("""{"known_key_7f3a": 1, "caf\u00e9_key_7f3a": 2, "other_key_7f3a": 3}"""));
        var again = Assert.IsType<ObjectValue>(ValueJson.Parse("""{"known_key_7f3a": 1}"""));
        Assert.Same(Key(input, "known_key_7f3a"), Key(again, "known_key_7f3a"));
        Assert.Same(Key(input, "café_key_7f3a"), KnownStrings.Share(new StringValue("café_key_7f3a")));
        Assert.NotSame(Key(input, "other_key_7f3a"), Key(ValueJson.Parse("""{"other_key_7f3a": 3}"""), "other_key_7f3a"));
        Assert.Equal(BooleanValue.True, policy.EvaluateData(["k", "hit"], new EvalOptions { Input = input }));
        Assert.Equal(BooleanValue.True, policy.EvaluateData(["k", "escaped"], new EvalOptions { Input = input }));
    }

    [Fact]
    public void LongStrings_AreNotShared()
    {
        var text = new string('k', KnownStrings.MaxLength + 1);
        var value = new StringValue(text);
        Assert.Same(value, KnownStrings.Share(value));
        Assert.False(KnownStrings.TryGet(text, out _));
    }

    private static StringValue Key(Value obj, string key)
    {
        var o = Assert.IsType<ObjectValue>(obj);
        return Assert.IsType<StringValue>(o.Keys.ToArray().Single(k => ((StringValue)k).Value == key));
    }
}
