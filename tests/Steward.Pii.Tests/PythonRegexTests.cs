using System.Text.RegularExpressions;
using Steward.Pii.Recognizers;

namespace Steward.Pii.Tests;

public sealed class PythonRegexTests
{
    [Fact]
    public void Translate_NamedGroupsBackReferencesAndEndAnchor()
    {
        Assert.Equal(@"(?<a>x)\k<a>\z", PythonRegex.Translate(@"(?P<a>x)(?P=a)\Z"));
        Assert.Equal(@"\\Z", PythonRegex.Translate(@"\\Z"));
    }

    [Fact]
    public void DefaultFlags_AreIgnoreCaseMultilineDotAll()
    {
        var regex = PythonRegex.Compile("^a.b$");
        Assert.Matches(regex, "x\nA\nB\ny");
        Assert.DoesNotMatch(PythonRegex.Compile("^a.b$", 0), "x\nA\nB\ny");
    }

    [Fact]
    public void PatternsNeedingBacktracking_RunUnderATimeout()
    {
        var regex = PythonRegex.Compile(@"(?P<d>\d)(?P=d)");
        Assert.NotEqual(Regex.InfiniteMatchTimeout, regex.MatchTimeout);
        Assert.Matches(regex, "a11");
        Assert.True(PythonRegex.Compile(@"\d+").Options.HasFlag(RegexOptions.NonBacktracking));
    }

    [Fact]
    public void InvalidRegex_IsARequestErrorCarryingTheParserMessage()
    {
        var e = Assert.Throws<PiiRequestException>(() => PythonRegex.Compile("(unclosed"));
        Assert.Contains("(unclosed", e.Message, StringComparison.Ordinal);
        Assert.Throws<PiiRequestException>(() => new RegexRecognizer("r", "X", [new PatternDefinition("p", "[z-a]", 0.5)]));
        Assert.Throws<PiiRequestException>(() => new RegexRecognizer("r", "X", [new PatternDefinition("p", "a", 1.5)]));
        Assert.Throws<PiiRequestException>(() => new RegexRecognizer("r", "X", []));
    }

    [Fact]
    public void CatastrophicPattern_DoesNotHang()
    {
        // (a+)+b is exponential on a backtracking engine; here it runs non-backtracking, in linear time.
        var recognizer = new RegexRecognizer("evil", "X", [new PatternDefinition("p", "(a+)+b", 0.5)]);
        var engine = new AnalyzerEngine(new RecognizerRegistry([recognizer]));
        Assert.Empty(engine.Analyze(new string('a', 50_000) + "!"));
    }
}
