using BenchmarkDotNet.Attributes;
using Steward.Drift;
using Steward.Drift.Reports;

namespace Steward.Benchmarks.Drift;

/// <summary>
/// The cost the chart histograms add to a report column, against the column's whole default report in the same run:
/// a continuous column (Sturges bins by binary search) and a 4-value one (category counts), one million rows each side.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ColumnHistogramBenchmarks
{
    private DriftTable _reference = null!;
    private DriftTable _current = null!;
    private ColumnSamples _samples = null!;

    /// <summary>0: 4 values (jensenshannon), 1: continuous (wasserstein); see <see cref="DriftData"/>.</summary>
    [Params(0, 1)]
    public int Kind { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(3);
        var reference = DriftData.Column(random, 1_000_000, Kind, 0);
        var current = DriftData.Column(random, 1_000_000, Kind, 0.25);
        _reference = new DriftTable([DriftColumn.FromNumbers("x", reference)]);
        _current = new DriftTable([DriftColumn.FromNumbers("x", current)]);
        _samples = ColumnSamples.Numeric(ColumnType.Numerical, reference, current);
        _ = _samples.Categories;
    }

    [Benchmark(Baseline = true)]
    public double ColumnReport() => DriftEngine.Run(_reference, _current).Columns[0].DriftScore;

    [Benchmark]
    public int Histogram() => ColumnHistograms.Of(_samples)!.Count;
}
