using BenchmarkDotNet.Attributes;
using Steward.Pii;
using Steward.Pii.Recognizers.Patterns;

namespace Steward.Benchmarks.Pii;

/// <summary>
/// Each pattern recognizer alone over 1 MB of the generated corpus, on contexts whose shared digit-run index is
/// already built, so each figure is that recognizer's own cost (the index is in <see cref="PatternScanBenchmarks"/>).
/// </summary>
public class PerRecognizerBenchmarks
{
    private List<AnalysisContext> _contexts = [];
    private Recognizer _recognizer = null!;

    [ParamsSource(nameof(Names))]
    public string Recognizer { get; set; } = "";

    public static IEnumerable<string> Names() => DefaultPatternRecognizers.Create(new PiiEngineOptions()).Select(r => r.Name);

    [GlobalSetup]
    public void Setup()
    {
        _contexts = [.. PiiCorpus.Build(1_000_000).Select(d => new AnalysisContext(d))];
        foreach (var c in _contexts) NumberIndex.Of(c);
        _recognizer = DefaultPatternRecognizers.Create(new PiiEngineOptions()).Single(r => r.Name == Recognizer);
    }

    [Benchmark]
    public int Analyze()
    {
        var n = 0;
        foreach (var c in _contexts)
        {
            var sink = new ResultSink();
            _recognizer.Analyze(c, sink);
            n += sink.Results.Count;
        }
        return n;
    }
}
