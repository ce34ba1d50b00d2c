using System.Diagnostics;
using System.Text.RegularExpressions;
using Steward.Benchmarks.Policy;
using Steward.Pii;

namespace Steward.Benchmarks.Pii;

/// <summary>
/// <c>pii-pattern-rate [MB]</c>: a quick, single-threaded throughput check of all default recognizers, the pattern-only analyzer, each
/// recognizer alone, and the Presidio regex baseline, over the generated corpus (default 4 MB). The
/// BenchmarkDotNet classes in this folder give the reported figures; this is for iterating.
/// </summary>
internal static class PatternRate
{
    public static int Run(string[] args)
    {
        var megabytes = args.Length > 0 && int.TryParse(args[0], out var mb) ? mb : 4;
        var documents = PiiCorpus.Build(megabytes * 1_000_000);
        var chars = documents.Sum(d => d.Length);
        var engine = new AnalyzerEngine(RecognizerRegistry.CreatePatternOnly());
        // The first speed target: every default recognizer (patterns, checksums, gazetteers and rules).
        var all = AnalyzerEngine.CreateDefault();
        Report("all default recognizers, PII corpus (engine)", chars, () => { foreach (var d in documents) all.Analyze(d); });
        var prose = Enumerable.Range(0, Math.Max(1, megabytes * 1_000_000 / 65_536)).Select(_ => MixedEnglishText.Build(65_536)).ToList();
        var proseChars = prose.Sum(d => d.Length);
        Report("all default recognizers, mixed English prose in 64 KB texts (engine)", proseChars, () => { foreach (var d in prose) all.Analyze(d); });
        var messages = prose.SelectMany(d => d.Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Report("all default recognizers, the same prose one line per request (engine)", proseChars, () => { foreach (var d in messages) all.Analyze(d); });
        Report("pattern-only analyzer (engine)", chars, () => { foreach (var d in documents) engine.Analyze(d); });
        Report("  recognizers only (one shared context per document)", chars, () =>
        {
            foreach (var d in documents)
            {
                var context = new AnalysisContext(d);
                var sink = new ResultSink();
                foreach (var recognizer in engine.Registry.All) recognizer.Analyze(context, sink);
            }
        });
        Report("  shared digit-run index", chars, () => { foreach (var d in documents) Steward.Pii.Recognizers.Patterns.NumberIndex.Build(d); });
        // Each recognizer alone, on contexts whose digit-run index is already built (its own cost only).
        var contexts = documents.Select(d => new AnalysisContext(d)).ToList();
        foreach (var c in contexts) Steward.Pii.Recognizers.Patterns.NumberIndex.Of(c);
        foreach (var recognizer in engine.Registry.All)
        {
            Report($"  {recognizer.Name}", chars, () => { foreach (var c in contexts) recognizer.Analyze(c, new ResultSink()); });
        }
        var compiled = new PresidioRegexBaseline(RegexOptions.Compiled);
        Report("Presidio patterns, .NET Regex (Compiled), all", chars, () => { foreach (var d in documents) compiled.CountAll(d); });
        var nonBacktracking = new PresidioRegexBaseline(RegexOptions.NonBacktracking);
        Report("Presidio patterns, .NET Regex (NonBacktracking), all", chars, () => { foreach (var d in documents) nonBacktracking.CountAll(d); });
        for (var i = 0; i < PresidioRegexBaseline.Patterns.Length; i++)
        {
            var regex = compiled[i];
            Report($"  {PresidioRegexBaseline.Patterns[i].Name} (Compiled)", chars, () => { foreach (var d in documents) regex.Count(d); });
        }
        return 0;
    }

    private static void Report(string name, long chars, Action run)
    {
        var warm = Stopwatch.StartNew();
        for (var i = 0; i < 3 || warm.Elapsed.TotalSeconds < 1; i++) run(); // warm up: tiered compilation settles (slowly on a loaded machine)
        var best = double.MaxValue;
        var bestCpu = double.MaxValue;
        for (var i = 0; i < 5; i++)
        {
            var cpu = ThreadCpu.Nanoseconds();
            var sw = Stopwatch.StartNew();
            run();
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
            bestCpu = Math.Min(bestCpu, (ThreadCpu.Nanoseconds() - cpu) / 1e9);
        }
        // Thread CPU time is the per-core figure on a shared machine; wall time is shown next to it.
        Console.WriteLine($"{name,-58} {chars / bestCpu / 1e6,10:0.0} MB/s per core (wall {chars / best / 1e6:0.0})");
    }
}
