namespace Steward.Governance.Monitors;

/// <summary>A computed run, to be recorded: the report and the figures the ledger and the dashboard show.</summary>
/// <param name="Status">drift, no_drift or insufficient_data.</param>
/// <param name="ReportJson">The report as stored (UTF-8 JSON).</param>
/// <param name="ShareOfDriftedColumns">Share of drifted columns (null with insufficient data).</param>
/// <param name="NumberOfDriftedColumns">Drifted columns.</param>
/// <param name="NumberOfColumns">Columns compared.</param>
/// <param name="TopColumns">Most drifted columns first, at most five.</param>
/// <param name="DatasetDrift">The dataset drifted (share at or above the monitor's drift share).</param>
/// <param name="CriticalColumns">Drifted columns the monitor marks critical.</param>
/// <param name="PerformanceBreaches">Performance thresholds the window crossed, as text (<c>accuracy 0.61 &lt; 0.8</c>).</param>
public sealed record RunOutcome(
    string Status, byte[] ReportJson, double? ShareOfDriftedColumns, int? NumberOfDriftedColumns, int? NumberOfColumns,
    IReadOnlyList<string> TopColumns, bool DatasetDrift, IReadOnlyList<string> CriticalColumns, IReadOnlyList<string>? PerformanceBreaches = null)
{
    /// <summary>Whether the run crosses a threshold and so emits <c>drift.detected</c>.</summary>
    public bool RaisesEvent => DatasetDrift || CriticalColumns.Count > 0 || PerformanceBreaches is { Count: > 0 };
}
