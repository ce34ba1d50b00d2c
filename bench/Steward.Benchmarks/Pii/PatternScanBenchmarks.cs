using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using Steward.Pii;

namespace Steward.Benchmarks.Pii;

/// <summary>
/// The pattern-only analyzer over 1 MB of the generated mixed corpus (chats, logs, prose), against Presidio's
/// patterns as .NET regexes over the same documents. MB/s = 1 / mean seconds.
/// </summary>
[MemoryDiagnoser]
public class PatternScanBenchmarks
{
    private List<string> _documents = [];
    private AnalyzerEngine _engine = null!;
    private IReadOnlyList<Recognizer> _recognizers = [];
    private PresidioRegexBaseline _compiled = null!;
    private PresidioRegexBaseline _nonBacktracking = null!;

    [GlobalSetup]
    public void Setup()
    {
        _documents = PiiCorpus.Build(1_000_000);
        _engine = new AnalyzerEngine(RecognizerRegistry.CreatePatternOnly());
        _recognizers = _engine.Registry.All;
        _compiled = new PresidioRegexBaseline(RegexOptions.Compiled);
        _nonBacktracking = new PresidioRegexBaseline(RegexOptions.NonBacktracking);
    }

    /// <summary>The whole analysis: recognizers, context words, duplicate removal.</summary>
    [Benchmark(Baseline = true)]
    public int PatternOnlyAnalyzer()
    {
        var n = 0;
        foreach (var d in _documents) n += _engine.Analyze(d).Count;
        return n;
    }

    /// <summary>The recognizers alone, sharing one context per document.</summary>
    [Benchmark]
    public int RecognizersOnly()
    {
        var n = 0;
        foreach (var d in _documents)
        {
            var context = new AnalysisContext(d);
            var sink = new ResultSink();
            foreach (var r in _recognizers) r.Analyze(context, sink);
            n += sink.Results.Count;
        }
        return n;
    }

    /// <summary>The shared digit-run pass every pattern recognizer starts from.</summary>
    [Benchmark]
    public int DigitRunIndex()
    {
        var n = 0;
        foreach (var d in _documents) n += Steward.Pii.Recognizers.Patterns.NumberIndex.Build(d).Count;
        return n;
    }

    /// <summary>Presidio's patterns, compiled backtracking regexes, matches counted only.</summary>
    [Benchmark]
    public int PresidioRegexCompiled()
    {
        var n = 0;
        foreach (var d in _documents) n += _compiled.CountAll(d);
        return n;
    }

    /// <summary>Presidio's patterns on the non-backtracking engine (lookaround patterns stay compiled).</summary>
    [Benchmark]
    public int PresidioRegexNonBacktracking()
    {
        var n = 0;
        foreach (var d in _documents) n += _nonBacktracking.CountAll(d);
        return n;
    }
}
