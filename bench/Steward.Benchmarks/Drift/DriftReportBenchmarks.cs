using BenchmarkDotNet.Attributes;
using Steward.Drift;

namespace Steward.Benchmarks.Drift;

/// <summary>The full default report (Evidently's default test per column, both cores) on generated data of 100 columns.</summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class DriftReportBenchmarks
{
    private DriftTable _reference = null!;
    private DriftTable _current = null!;

    [Params(1_000, 100_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup() => (_reference, _current) = DriftData.Tables(Rows, 100);

    [Benchmark]
    public int DefaultReport() => DriftEngine.Run(_reference, _current).NumberOfDriftedColumns;
}
