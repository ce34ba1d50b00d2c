using Steward.Pii.Recognizers.Patterns;

namespace Steward.Pii.Tests.Recognizers.Patterns;

/// <summary>Runs one recognizer (or the pattern-only engine) over a text and checks spans by their text.</summary>
internal static class PatternKit
{
    public static readonly AnalyzerEngine Engine = new(RecognizerRegistry.CreatePatternOnly());

    public static Recognizer Get(string name) =>
        DefaultPatternRecognizers.Create(new PiiEngineOptions()).Single(r => r.Name == name);

    /// <summary>The recognizer's raw results (no context boost, no duplicate removal).</summary>
    public static IReadOnlyList<RecognizerResult> Run(Recognizer recognizer, string text)
    {
        var sink = new ResultSink();
        recognizer.Analyze(new AnalysisContext(text), sink);
        return sink.Results;
    }

    /// <summary>The covered texts of the recognizer's results.</summary>
    public static string[] Found(Recognizer recognizer, string text) => [.. Run(recognizer, text).Select(r => text[r.Start..r.End])];

    /// <summary>Asserts exactly one result, spanning the first occurrence of <paramref name="value"/>, and returns it.</summary>
    public static RecognizerResult Single(Recognizer recognizer, string text, string value)
    {
        var results = Run(recognizer, text);
        var result = Assert.Single(results);
        var start = text.IndexOf(value, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{value}' is not in the text");
        Assert.Equal((start, start + value.Length), (result.Start, result.End));
        Assert.Contains(result.EntityType, recognizer.SupportedEntities);
        Assert.Equal(recognizer.Name, result.Explanation.Recognizer);
        Assert.False(string.IsNullOrEmpty(result.Explanation.PatternName));
        return result;
    }

    /// <summary>The engine's results of <paramref name="entity"/> as (text, score).</summary>
    public static (string Text, double Score)[] Analyze(string text, string entity) =>
        [.. Engine.Analyze(text).Where(r => r.EntityType == entity).Select(r => (text[r.Start..r.End], r.Score))];
}
