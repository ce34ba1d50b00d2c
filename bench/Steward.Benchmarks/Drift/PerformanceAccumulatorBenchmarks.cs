using BenchmarkDotNet.Attributes;
using Steward.Drift.Fairness;
using Steward.Drift.Performance;

namespace Steward.Benchmarks.Drift;

/// <summary>
/// Ingest cost of the mergeable accumulators a monitor feeds: one million rows per invocation (text labels as they come
/// from files and requests; doubles for regression), so the mean in ms is the time per million rows on one thread.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class PerformanceAccumulatorBenchmarks
{
    private const int Rows = 1_000_000;
    private string[] _labels = null!;
    private string[] _predictions = null!;
    private string[] _groups = null!;
    private double[] _scores = null!;
    private double[] _y = null!;
    private double[] _p = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _scores = Enumerable.Range(0, Rows).Select(_ => random.NextDouble()).ToArray();
        _labels = _scores.Select(s => random.NextDouble() < s ? "1" : "0").ToArray();
        _predictions = _scores.Select(s => s > 0.5 ? "1" : "0").ToArray();
        _groups = _scores.Select(_ => random.Next(3) switch { 0 => "a", 1 => "b", _ => "c" }).ToArray();
        _y = _scores.Select(s => s * 100).ToArray();
        _p = _y.Select(v => v + random.NextDouble() - 0.5).ToArray();
    }

    [Benchmark]
    public double ClassificationExactAuc() => Classify(RocAucMode.Exact);

    [Benchmark]
    public double ClassificationBinnedAuc() => Classify(RocAucMode.Binned);

    [Benchmark]
    public double Regression()
    {
        var accumulator = new RegressionAccumulator();
        for (var i = 0; i < Rows; i++) accumulator.Add(_y[i], _p[i]);
        return accumulator.Result().RootMeanSquaredError;
    }

    [Benchmark]
    public double FairnessCounts()
    {
        var accumulator = new FairnessAccumulator("group");
        for (var i = 0; i < Rows; i++) accumulator.Add(_groups[i], _labels[i], _predictions[i]);
        return accumulator.Result("a").TheilIndex;
    }

    private double Classify(RocAucMode mode)
    {
        var accumulator = new ClassificationAccumulator("1", mode);
        for (var i = 0; i < Rows; i++) accumulator.Add(_labels[i], _predictions[i], _scores[i]);
        return accumulator.Result().RocAuc!.Value;
    }
}
