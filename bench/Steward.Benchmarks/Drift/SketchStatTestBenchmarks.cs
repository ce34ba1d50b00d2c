using BenchmarkDotNet.Attributes;
using Steward.Drift;
using Steward.Drift.Profiles;

namespace Steward.Benchmarks.Drift;

/// <summary>
/// Per-test cost of one numerical column compared from two sketch-mode profiles (k = 1,000) of 1,000,000 values each
/// (normal, the current shifted by 0.1): the tests that run from the sketches' CDFs, KS and Wasserstein for comparison.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
[MemoryDiagnoser]
public class SketchStatTestBenchmarks
{
    private DriftProfile _reference = null!;
    private DriftProfile _current = null!;

    [ParamsSource(nameof(Tests))]
    public string Test { get; set; } = "";

    public static IEnumerable<string> Tests => ["ks", "wasserstein", "ed", "mannw", "cramer_von_mises"];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        var options = new ProfileOptions { Mode = ProfileMode.Sketch };
        _reference = DriftProfile.FromTable(new DriftTable([DriftColumn.FromNumbers("x", DriftData.Column(random, 1_000_000, 3, 0))]), options);
        _current = DriftProfile.FromTable(new DriftTable([DriftColumn.FromNumbers("x", DriftData.Column(random, 1_000_000, 3, 0.1))]), options);
    }

    [Benchmark]
    public double Column() =>
        DriftEngine.Run(_reference, _current, new DriftOptions { StatTest = Test, MaxDegreeOfParallelism = 1 }).Columns[0].DriftScore;
}
