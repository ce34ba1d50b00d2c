using System.Text.Json.Nodes;
using Steward.Drift;
using Steward.Drift.Reports;
using Steward.Governance.Monitors;

namespace Steward.Server.Monitors;

/// <summary>
/// Reads a run's stored report JSON (the schema <see cref="DriftReportJson"/> writes, with histograms) back into a
/// <see cref="DriftReport"/> with <see cref="DriftReportJsonReader"/> (columns, performance and fairness) for the HTML
/// report and the dashboard; trend points of earlier runs come from their run rows alone.
/// </summary>
internal static class StoredReport
{
    /// <summary>The run's full report, or <see langword="null"/> when the run has none (insufficient data, failed).</summary>
    public static DriftReport? Read(MonitorRun run) =>
        run.Report is JsonObject report && report["columns"] is JsonObject ? DriftReportJsonReader.Read(report) : null;

    /// <summary>A trend point: an earlier run's share of drifted columns, with the monitor's drift share; no columns.</summary>
    public static DriftReport Point(MonitorRun run, double driftShare) => new()
    {
        DatasetDrift = run.Status == "drift",
        ShareOfDriftedColumns = run.ShareOfDriftedColumns ?? double.NaN,
        NumberOfColumns = run.NumberOfColumns ?? 0,
        NumberOfDriftedColumns = run.NumberOfDriftedColumns ?? 0,
        DriftShare = driftShare,
        Columns = [],
    };

    /// <summary>
    /// Trend points of earlier runs (oldest first) with each run's performance and fairness read from its stored report when the
    /// monitor measures performance (label and prediction named); otherwise from the run rows alone.
    /// </summary>
    public static async Task<IReadOnlyList<DriftReport>> PointsAsync(DriftMonitor monitor, IReadOnlyList<MonitorRun> oldestFirst, MonitorRunStore runs, CancellationToken cancellationToken)
    {
        var points = new List<DriftReport>(oldestFirst.Count);
        var measured = monitor.Label is not null && monitor.Prediction is not null;
        foreach (var run in oldestFirst)
        {
            var point = Point(run, monitor.DriftShare);
            if (measured && run.ShareOfDriftedColumns is not null
                && (await runs.GetAsync(monitor.Id, run.Id, cancellationToken)).Report is JsonObject { } stored && stored["columns"] is JsonObject)
            {
                var read = DriftReportJsonReader.Read(stored);
                point = point with { Performance = read.Performance, Fairness = read.Fairness };
            }
            points.Add(point);
        }
        return points;
    }
}
