using Steward.Pii.Recognizers;

namespace Steward.Pii.Tests;

public sealed class AnalyzerEngineTests
{
    private static RegexRecognizer Ssn(double score = 0.5) =>
        new("ssn", "US_SSN", [new PatternDefinition("dashed", @"\b\d{3}-\d{2}-\d{4}\b", score)], context: ["ssn", "social security"]);

    private static RegexRecognizer Token() =>
        new("token", "TOKEN", [new PatternDefinition("tok", @"\btok_[a-z]+\b", 0.3)], context: ["key"]);

    private static AnalyzerEngine Engine() => new(new RecognizerRegistry([Ssn(), Token()]));

    [Fact]
    public void Analyze_ReportsSpansAndScores()
    {
        var results = Engine().Analyze("id 123-45-6789 and tok_abc");
        Assert.Collection(results,
            r => { Assert.Equal(("US_SSN", 3, 14, 0.5), (r.EntityType, r.Start, r.End, r.Score)); },
            r => { Assert.Equal(("TOKEN", 19, 26, 0.3), (r.EntityType, r.Start, r.End, r.Score)); });
    }

    [Fact]
    public void Context_RaisesScoreOnceWithPresidiosRule()
    {
        var r = Assert.Single(Engine().Analyze("my ssn is 123-45-6789"));
        Assert.Equal(0.85, r.Score, 6);
        Assert.Equal("ssn", r.Explanation.SupportiveContextWord);
        Assert.Equal(0.35, r.Explanation.ScoreContextImprovement, 6);
        Assert.Equal(0.5, r.Explanation.OriginalScore);
    }

    [Fact]
    public void Context_FloorIsPointFour()
    {
        var r = Assert.Single(Engine().Analyze("api key tok_abc"));
        Assert.Equal(0.65, r.Score, 6);
        var low = new AnalyzerEngine(new RecognizerRegistry([new RegexRecognizer("t", "T", [new PatternDefinition("t", "zz", 0.01)], context: ["key"])]));
        Assert.Equal(0.4, Assert.Single(low.Analyze("key zz")).Score, 6);
    }

    [Theory]
    [InlineData("public 123-45-6789", 0.5)] // no substring matching ("lic" is not in the context list, but "ssn" inside a word must not count either)
    [InlineData("ssns: 123-45-6789", 0.85)] // plural
    [InlineData("Social Security: 123-45-6789", 0.85)] // a phrase, any case
    [InlineData("social club security 123-45-6789", 0.5)] // the phrase's words must be in sequence
    [InlineData("assn 123-45-6789", 0.5)]
    public void Context_MatchesWholeWordsOnly(string text, double expected) =>
        Assert.Equal(expected, Assert.Single(Engine().Analyze(text)).Score, 6);

    [Fact]
    public void Context_OnlyTheFiveWordsBeforeCount()
    {
        Assert.Equal(0.5, Assert.Single(Engine().Analyze("ssn one two three four five 123-45-6789")).Score, 6);
        Assert.Equal(0.85, Assert.Single(Engine().Analyze("ssn one two three four 123-45-6789")).Score, 6);
        Assert.Equal(0.5, Assert.Single(Engine().Analyze("123-45-6789 ssn")).Score, 6);
    }

    [Fact]
    public void RequestContext_CountsAsIfBeforeEveryResult()
    {
        var r = Assert.Single(Engine().Analyze("value 123-45-6789", new AnalyzeOptions { Context = ["SSN"] }));
        Assert.Equal(0.85, r.Score, 6);
    }

    [Fact]
    public void AllowList_ExactAndRegex()
    {
        var text = "123-45-6789 and 987-65-4321";
        Assert.Equal(16, Assert.Single(Engine().Analyze(text, new AnalyzeOptions { AllowList = ["123-45-6789"], Entities = ["US_SSN"] })).Start);
        Assert.Empty(Engine().Analyze(text, new AnalyzeOptions { AllowList = [@"\d{3}-\d{2}-\d{4}"], AllowListMatch = AllowListMatch.Regex, Entities = ["US_SSN"] }));
        // a regex must match the whole text of the result
        Assert.Equal(2, Engine().Analyze(text, new AnalyzeOptions { AllowList = [@"\d{3}"], AllowListMatch = AllowListMatch.Regex }).Count);
    }

    [Fact]
    public void ThresholdAndEntityFilter()
    {
        var engine = Engine();
        Assert.Single(engine.Analyze("123-45-6789 tok_abc", new AnalyzeOptions { ScoreThreshold = 0.4 }));
        Assert.Equal("TOKEN", Assert.Single(engine.Analyze("123-45-6789 tok_abc", new AnalyzeOptions { Entities = ["TOKEN"] })).EntityType);
    }

    [Fact]
    public void UnknownLanguageOrEntity_IsRefusedWithTheSupportedList()
    {
        var e = Assert.Throws<PiiRequestException>(() => Engine().Analyze("x", new AnalyzeOptions { Language = "xx" }));
        Assert.Contains("supported: en", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<PiiRequestException>(() => Engine().Analyze("x", new AnalyzeOptions { Entities = ["NOPE"] }));
        Assert.Contains("NOPE", e.Message, StringComparison.Ordinal);
        Assert.Contains("TOKEN, US_SSN", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AdHocRecognizers_RunForTheRequestOnly()
    {
        var adHoc = new RegexRecognizer("zip", "ZIP", [new PatternDefinition("zip", @"\b\d{5}\b", 0.6)]);
        var results = Engine().Analyze("zip 12345", new AnalyzeOptions { AdHocRecognizers = [adHoc], Entities = ["ZIP"] });
        Assert.Equal("ZIP", Assert.Single(results).EntityType);
        Assert.Empty(Engine().Analyze("zip 12345"));
    }

    [Fact]
    public void DenyList_MatchesWholeWordsCaseInsensitively()
    {
        var deny = new RegexRecognizer("titles", "TITLE", [], denyList: ["Mr.", "Dr"]);
        var engine = new AnalyzerEngine(new RecognizerRegistry([deny]));
        var results = engine.Analyze("mr. Smith met DR Jones, not Drake");
        Assert.Equal(["mr.", "DR"], results.Select(r => "mr. Smith met DR Jones, not Drake"[r.Start..r.End]));
        Assert.All(results, r => Assert.Equal(1.0, r.Score));
    }

    [Fact]
    public void Duplicates_AResultInsideABetterOneOfTheSameTypeIsDropped()
    {
        var wide = new RegexRecognizer("wide", "X", [new PatternDefinition("w", "abcdef", 0.8)]);
        var narrow = new RegexRecognizer("narrow", "X", [new PatternDefinition("n", "bcd", 0.5)]);
        var other = new RegexRecognizer("other", "Y", [new PatternDefinition("o", "bcd", 0.5)]);
        var results = new AnalyzerEngine(new RecognizerRegistry([wide, narrow, other])).Analyze("abcdef");
        Assert.Equal(["X", "Y"], results.Select(r => r.EntityType));
    }

    [Fact]
    public void Batch_AnswersInOrder()
    {
        var all = Engine().AnalyzeBatch(["123-45-6789", "nothing", "tok_x"]);
        Assert.Equal([1, 0, 1], all.Select(a => a.Count));
    }

    [Fact]
    public void RemoveDuplicates_AgreesWithPresidiosPairwiseRule()
    {
        var random = new Random(5);
        var explanation = new AnalysisExplanation { Recognizer = "r" };
        for (var round = 0; round < 200; round++)
        {
            var results = Enumerable.Range(0, random.Next(1, 40)).Select(_ =>
            {
                var start = random.Next(0, 30);
                return new RecognizerResult(random.Next(2) == 0 ? "A" : "B", start, start + random.Next(1, 8), random.Next(0, 4) / 3.0, explanation);
            }).ToList();
            var expected = Naive(results);
            var actual = AnalyzerEngine.RemoveDuplicates(results);
            // exact duplicates are interchangeable: compare what was kept, not which object
            Assert.Equal(expected.Select(Key).Order(), actual.Select(Key).Order());
        }

        static string Key(RecognizerResult r) => $"{r.EntityType} {r.Start} {r.End} {r.Score}";

        // Presidio's loop: best first; keep a result unless a kept result of its type contains it.
        static List<RecognizerResult> Naive(List<RecognizerResult> results)
        {
            var kept = new List<RecognizerResult>();
            foreach (var r in results.Where(r => r.Score > 0).OrderByDescending(r => r.Score).ThenBy(r => r.Start).ThenByDescending(r => r.Length))
            {
                if (!kept.Exists(k => k.EntityType == r.EntityType && r.IsContainedIn(k))) kept.Add(r);
            }
            return kept;
        }
    }
}
