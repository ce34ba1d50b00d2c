using BenchmarkDotNet.Attributes;
using Steward.Drift;

namespace Steward.Benchmarks.Drift;

/// <summary>
/// The full default report (Evidently's default test per column, both cores) on generated data of 100 columns: ks/chisquare
/// at 1,000 rows, wasserstein/jensenshannon at 20,000. The sizes (356,000 and 1,000,000 rows) are timed by
/// <c>drift-report-scale</c>, which BenchmarkDotNet's repeated iterations would make impractically long.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class DriftReportBenchmarks
{
    private DriftTable _reference = null!;
    private DriftTable _current = null!;

    [Params(1_000, 20_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup() => (_reference, _current) = DriftData.Tables(Rows, 100);

    [Benchmark]
    public int DefaultReport() => DriftEngine.Run(_reference, _current).NumberOfDriftedColumns;
}
