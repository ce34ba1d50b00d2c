using System.Diagnostics;
using System.Globalization;
using Steward.Benchmarks.Policy;
using Steward.Drift.Fairness;
using Steward.Drift.Performance;

namespace Steward.Benchmarks.Drift;

/// <summary>
/// <c>drift-accumulator-rate [--rows N] [--rounds R]</c>: rows per second of thread CPU time for each accumulator a monitor
/// feeds (text labels "0"/"1" as they come from files, a score per row; doubles for regression; three groups for fairness),
/// which the machine's load barely changes, with the wall time beside it. Prints the best and median of the rounds.
/// </summary>
internal static class AccumulatorRate
{
    public static int Run(string[] args)
    {
        var rows = Option(args, "--rows", 1_000_000);
        var rounds = Option(args, "--rounds", 7);
        var random = new Random(1);
        var scores = Enumerable.Range(0, rows).Select(_ => random.NextDouble()).ToArray();
        var labels = scores.Select(s => random.NextDouble() < s ? "1" : "0").ToArray();
        var predictions = scores.Select(s => s > 0.5 ? "1" : "0").ToArray();
        var words = scores.Select(s => s > 0.5 ? "approved" : "declined").ToArray();
        var groups = scores.Select(_ => random.Next(3) switch { 0 => "a", 1 => "b", _ => "c" }).ToArray();
        var y = scores.Select(s => s * 100).ToArray();
        var p = y.Select(v => v + random.NextDouble() - 0.5).ToArray();
        var cases = new (string Name, Func<double> Run)[]
        {
            ("classification, exact ROC AUC", () => Classify(labels, predictions, scores, RocAucMode.Exact)),
            ("classification, binned ROC AUC", () => Classify(labels, predictions, scores, RocAucMode.Binned)),
            ("classification, word labels, no score", () => Classify(words, words, null, RocAucMode.Exact, "approved")),
            ("regression (doubles)", () =>
            {
                var a = new RegressionAccumulator();
                for (var i = 0; i < y.Length; i++) a.Add(y[i], p[i]);
                return a.Result().RootMeanSquaredError;
            }),
            ("fairness counts (text outcomes)", () =>
            {
                var a = new FairnessAccumulator("group");
                for (var i = 0; i < groups.Length; i++) a.Add(groups[i], labels[i], predictions[i]);
                return a.Result("a").TheilIndex;
            }),
        };
        Console.WriteLine($"{rows:N0} rows per round, {rounds} rounds; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        Console.WriteLine("| accumulator | rows/s of thread CPU (best / median) | thread CPU per 1M rows | wall per round (median) |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var (name, run) in cases)
        {
            run();   // warm up
            var cpu = new List<double>();
            var wall = new List<double>();
            for (var r = 0; r < rounds; r++)
            {
                var clock = Stopwatch.StartNew();
                var before = ThreadCpu.Nanoseconds();
                run();
                cpu.Add((ThreadCpu.Nanoseconds() - before) / 1e9);
                wall.Add(clock.Elapsed.TotalSeconds);
            }
            cpu.Sort();
            wall.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {rows / cpu[0] / 1e6:0.0} M / {rows / cpu[rounds / 2] / 1e6:0.0} M | {cpu[rounds / 2] * 1e3 * 1e6 / rows:0} ms | {wall[rounds / 2] * 1e3:0} ms |"));
        }
        return 0;
    }

    private static double Classify(string[] labels, string[] predictions, double[]? scores, RocAucMode mode, string positive = "1")
    {
        var a = new ClassificationAccumulator(positive, mode);
        for (var i = 0; i < labels.Length; i++) a.Add(labels[i], predictions[i], scores?[i]);
        return a.Result().Accuracy;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
