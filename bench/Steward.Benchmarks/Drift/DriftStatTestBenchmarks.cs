using BenchmarkDotNet.Attributes;
using Steward.Drift;

namespace Steward.Benchmarks.Drift;

/// <summary>
/// Per-test cost on one numerical column pair of <see cref="Rows"/> values each (normal, the current shifted by 0.1),
/// every test through the engine as a report of one column, so cleaning and sorting are included. empirical_mmd is measured
/// at 1,000 rows (it subsamples to 1,000 per side beyond that), fisher_exact and the categorical tests on a binary column.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
[MemoryDiagnoser]
public class DriftStatTestBenchmarks
{
    private DriftTable _reference = null!;
    private DriftTable _current = null!;
    private DriftTable _binaryReference = null!;
    private DriftTable _binaryCurrent = null!;

    [Params(1_000, 100_000)]
    public int Rows { get; set; }

    [ParamsSource(nameof(Tests))]
    public string Test { get; set; } = "";

    public static IEnumerable<string> Tests => ["ks", "wasserstein", "jensenshannon", "psi", "kl_div", "hellinger", "anderson", "cramer_von_mises", "mannw", "t_test", "ed", "es", "empirical_mmd", "chisquare", "z", "g_test", "fisher_exact", "TVD"];

    private static readonly HashSet<string> Categorical = ["chisquare", "z", "g_test", "fisher_exact", "TVD"];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        _reference = new DriftTable([DriftColumn.FromNumbers("x", DriftData.Column(random, Rows, 3, 0))]);
        _current = new DriftTable([DriftColumn.FromNumbers("x", DriftData.Column(random, Rows, 3, 0.1))]);
        _binaryReference = new DriftTable([DriftColumn.FromLabels("x", Enumerable.Range(0, Rows).Select(_ => random.NextDouble() < 0.3 ? "yes" : "no").ToArray())]);
        _binaryCurrent = new DriftTable([DriftColumn.FromLabels("x", Enumerable.Range(0, Rows).Select(_ => random.NextDouble() < 0.32 ? "yes" : "no").ToArray())]);
    }

    [Benchmark]
    public double Column()
    {
        var options = new DriftOptions { StatTest = Test, MaxDegreeOfParallelism = 1 };
        var report = Categorical.Contains(Test)
            ? DriftEngine.Run(_binaryReference, _binaryCurrent, options)
            : DriftEngine.Run(_reference, _current, options);
        return report.Columns[0].DriftScore;
    }
}
