using System.Diagnostics;
using Steward.Benchmarks.Policy;
using Steward.Pii;
using Steward.Pii.Recognizers.Patterns;

namespace Steward.Benchmarks.Pii;

/// <summary>
/// <c>pii-profile [MB] [--seconds S]</c> (or <c>--dump FILE [MB] [--all]</c>, see <see cref="PatternDump"/>): where the pattern-only analyzer spends its time, per MB, on the PII-dense
/// corpus and on mixed English prose (64 KB texts): the digit-run index, each recognizer with the index built, the
/// recognizers together, and the engine's own work around them (the whole analysis minus the recognizers), with
/// thread CPU time, allocated bytes and results per MB. With <c>--seconds</c> it afterwards runs the whole
/// analysis on the PII corpus for that long, for <c>dotnet-trace</c> to sample.
/// </summary>
internal static class PatternProfile
{
    public static int Run(string[] args)
    {
        if (args.Length > 1 && args[0] == "--dump")
            return PatternDump.Run(args[1], args.Length > 2 && int.TryParse(args[2], System.Globalization.CultureInfo.InvariantCulture, out var dumpMb) ? dumpMb : 2, args.Contains("--all"));
        var megabytes = args.Length > 0 && int.TryParse(args[0], out var mb) ? mb : 2;
        var seconds = args.Length > 2 && args[1] == "--seconds" ? double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 0;
        var engine = new AnalyzerEngine(RecognizerRegistry.CreatePatternOnly());
        var dense = PiiCorpus.Build(megabytes * 1_000_000);
        var prose = Enumerable.Range(0, Math.Max(1, megabytes * 1_000_000 / 65_536)).Select(_ => MixedEnglishText.Build(65_536)).ToList();
        Profile("PII-dense corpus", engine, dense);
        Profile("mixed English prose, 64 KB texts", engine, prose);
        if (seconds > 0)
        {
            Console.WriteLine($"running the analyzer on the PII corpus for {seconds} s");
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed.TotalSeconds < seconds) foreach (var d in dense) engine.Analyze(d);
        }
        return 0;
    }

    private static void Profile(string corpus, AnalyzerEngine engine, List<string> documents)
    {
        var megabytes = documents.Sum(d => (long)d.Length) / 1e6;
        var results = documents.Sum(d => engine.Analyze(d).Count);
        Console.WriteLine($"== {corpus}: {megabytes:0.0} MB, {results / megabytes:0} results per MB after the engine");
        var whole = Measure(() => { foreach (var d in documents) engine.Analyze(d); });
        var objects = new AnalyzerEngine(engine.Registry) { ObjectPath = true };
        var original = Measure(() => { foreach (var d in documents) objects.Analyze(d); });
        var recognizers = Measure(() =>
        {
            foreach (var d in documents)
            {
                var context = new AnalysisContext(d);
                var sink = new ResultSink();
                foreach (var r in engine.Registry.All) r.Analyze(context, sink);
            }
        });
        var index = Measure(() => { foreach (var d in documents) NumberIndex.Build(d); });
        // The first measurement of a process was erratic under dynamic PGO on the loaded machine (13-31 ms/MB run to
        // run): the whole analysis is measured once more here, after everything else has run.
        var again = Measure(() => { foreach (var d in documents) engine.Analyze(d); });
        Line("pattern-only analyzer (whole)", whole, megabytes);
        Line("  the same, finished on result objects (the original path)", original, megabytes);
        Line("  recognizers with their sink (one context per text)", recognizers, megabytes);
        Line("  engine work around them (difference)", (whole.Cpu - recognizers.Cpu, whole.Allocated - recognizers.Allocated), megabytes);
        Line("  digit-run index", index, megabytes);
        Line("pattern-only analyzer (whole), measured again", again, megabytes);
        var contexts = documents.Select(d => new AnalysisContext(d)).ToList();
        foreach (var c in contexts) NumberIndex.Of(c);
        foreach (var recognizer in engine.Registry.All)
        {
            Line($"  {recognizer.Name}", Measure(() => { foreach (var c in contexts) recognizer.Analyze(c, new ResultSink()); }), megabytes);
        }
    }

    private static void Line(string name, (double Cpu, long Allocated) m, double megabytes) =>
        Console.WriteLine($"{name,-56} {m.Cpu / megabytes * 1000,8:0.00} ms/MB {megabytes / m.Cpu,9:0.0} MB/s per core {m.Allocated / megabytes / 1024,9:0} KB/MB");

    /// <summary>
    /// Best-of-five thread CPU seconds and the bytes allocated in that pass, after warm-up passes for at least a second
    /// (three passes were too few on the loaded machine: tier-1 code arrived in the middle of the first measurement).
    /// </summary>
    private static (double Cpu, long Allocated) Measure(Action run)
    {
        var warm = Stopwatch.StartNew();
        for (var i = 0; i < 3 || warm.Elapsed.TotalSeconds < 1; i++) run();
        var best = double.MaxValue;
        long allocated = 0;
        for (var i = 0; i < 5; i++)
        {
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            var cpu = ThreadCpu.Nanoseconds();
            run();
            var took = (ThreadCpu.Nanoseconds() - cpu) / 1e9;
            if (took < best) (best, allocated) = (took, GC.GetAllocatedBytesForCurrentThread() - bytes);
        }
        return (best, allocated);
    }
}
