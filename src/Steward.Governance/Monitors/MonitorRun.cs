using System.Text.Json.Nodes;

namespace Steward.Governance.Monitors;

/// <summary>One run of a monitor: its window compared with the reference profile.</summary>
/// <param name="Id">UUIDv7.</param>
/// <param name="MonitorId">The monitor.</param>
/// <param name="WindowSeq">The window compared (closed by this run).</param>
/// <param name="Trigger"><c>schedule</c> or <c>manual</c>.</param>
/// <param name="Status">drift, no_drift or insufficient_data.</param>
/// <param name="RunAt">When.</param>
/// <param name="WindowOpenedAt">The window's start.</param>
/// <param name="Rows">Rows in the window.</param>
/// <param name="ShareOfDriftedColumns">Share of drifted columns (absent with insufficient data).</param>
/// <param name="NumberOfDriftedColumns">Drifted columns.</param>
/// <param name="NumberOfColumns">Columns compared.</param>
/// <param name="TopColumns">The most drifted columns, most drifted first (at most 5).</param>
/// <param name="ReportSha256">SHA-256 of the stored report JSON (of the latest revision, in a one-run read).</param>
/// <param name="RunBy">Who ran it (<c>steward</c> for the scheduler).</param>
/// <param name="LedgerIndex">The <c>drift.detected</c> entry, when the run raised one.</param>
/// <param name="Report">The report JSON (omitted in lists): the latest revision's when late labels revised it.</param>
/// <param name="Revision">The report's revision: 0 for the run's own report, then 1, 2, ... as late labels revise its performance (a one-run read only).</param>
public sealed record MonitorRun(
    string Id, string MonitorId, long WindowSeq, string Trigger, string Status, DateTimeOffset RunAt, DateTimeOffset WindowOpenedAt, long Rows,
    double? ShareOfDriftedColumns, int? NumberOfDriftedColumns, int? NumberOfColumns, IReadOnlyList<string> TopColumns, string ReportSha256,
    string RunBy, long? LedgerIndex, JsonNode? Report, int Revision = 0);
