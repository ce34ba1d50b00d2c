using BenchmarkDotNet.Attributes;
using Steward.Drift;
using Steward.Drift.Reports;

namespace Steward.Benchmarks.Drift;

/// <summary>Writing the self-contained HTML report of a 1,000-column default report (the browser's side is timed by the browser test).</summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class DriftReportHtmlBenchmarks
{
    private DriftReport _report = null!;

    [GlobalSetup]
    public void Setup()
    {
        var (reference, current) = DriftData.Tables(2_000, 1_000);
        _report = DriftEngine.Run(reference, current);
    }

    [Benchmark]
    public long WriteHtml()
    {
        using var stream = new MemoryStream();
        DriftReportHtml.Write(_report, stream);
        return stream.Length;
    }
}
