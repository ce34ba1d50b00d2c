using Steward.Policy.Builtins;

namespace Steward.Policy.Tests.Builtins;

public sealed class RegexPrefilterTests
{
    private const string Letters = "\\p{L}\\p{N}'";

    private static readonly string WordList =
        $"(?i)(?:^|[^{Letters}])(dumb|hate[^{Letters}]+you|idiot|kill[^{Letters}]+yourself|shut[^{Letters}]+up)(?:$|[^{Letters}])";

    [Theory]
    [InlineData("abc", "abc")]
    [InlineData("a(b|c)d", "abd,acd")]
    [InlineData("x+yz", "yz")]
    [InlineData("(?i)foo|bar", "bar,foo")]
    [InlineData("\\bcat\\b", "cat")]
    [InlineData("[0-9]+ apples", " apples")]
    [InlineData("a\\.b", "a.b")]
    [InlineData("(?:ab){2,}c", "ab")]
    public void Literals_AreWhatEveryMatchContains(string pattern, string expected)
    {
        var prefilter = Re2Regex.Compile(pattern).Prefilter;
        Assert.NotNull(prefilter);
        Assert.Equal(expected, string.Join(',', prefilter.Literals));
    }

    [Theory]
    [InlineData("a*")]
    [InlineData("[a-z]+")]
    [InlineData("a|b*")]
    [InlineData("(ab)?c?")]
    [InlineData("x|")]
    [InlineData("^$")]
    [InlineData(".")]
    public void PatternsWithoutRequiredLiterals_HaveNoPrefilter(string pattern) =>
        Assert.Null(Re2Regex.Compile(pattern).Prefilter);

    [Fact]
    public void WordList_RequiresOneOfItsWords()
    {
        var prefilter = Re2Regex.Compile(WordList).Prefilter;
        Assert.NotNull(prefilter);
        Assert.True(prefilter.IgnoreCase);
        Assert.Equal("dumb,hate,idiot,shut,yourself", string.Join(',', prefilter.Literals));
    }

    [Theory]
    [InlineData("a calm and helpful answer", false)]
    [InlineData("you are an IDIOT.", true)]
    [InlineData("Shut\n  UP", true)]
    [InlineData("skills and idioms", false)]
    [InlineData("I hate that you left", false)]
    [InlineData("I hate   you", true)]
    [InlineData("dumb", true)]
    [InlineData("\u212Aill yourself", true)] // Kelvin sign: Unicode case folding makes it a k, so the prefilter must not rule it out
    [InlineData("déjà vu, dumbbell", false)]
    public void WordList_MatchesAsWithoutPrefilter(string text, bool expected)
    {
        Assert.Equal(expected ? "true" : "false", Call.Json("regex.match", Call.Str(WordList), Call.Str(text)));
        var withoutPrefilter = new System.Text.RegularExpressions.Regex(Re2Translator.Translate(WordList).Pattern, System.Text.RegularExpressions.RegexOptions.CultureInvariant);
        Assert.Equal(expected, withoutPrefilter.IsMatch(text));
    }

    [Fact]
    public void FindAll_WithNoCandidate_FindsNothing_AndWithOne_FindsTheMatch()
    {
        Assert.Equal("[]", Call.Json("regex.find_all_string_submatch_n", Call.Str(WordList), Call.Str("a calm answer"), "-1"));
        Assert.Equal("[[\" idiot!\",\"idiot\"]]", Call.Json("regex.find_all_string_submatch_n", Call.Str(WordList), Call.Str("an idiot!"), "-1"));
        Assert.Equal("[\"a calm answer\"]", Call.Json("regex.split", Call.Str("idiot"), Call.Str("a calm answer")));
        Assert.Equal("\"a calm answer\"", Call.Json("regex.replace", Call.Str("a calm answer"), Call.Str("idiot"), Call.Str("x")));
    }

    [Fact]
    public void CaseSensitiveLiterals_AreSearchedExactly()
    {
        Assert.Equal("false", Call.Json("regex.match", Call.Str("Idiot"), Call.Str("idiot")));
        Assert.Equal("true", Call.Json("regex.match", Call.Str("(?i)Idiot"), Call.Str("iDiOt")));
        Assert.Equal("true", Call.Json("regex.match", Call.Str("é+t"), Call.Str("ééét")));
    }
}
