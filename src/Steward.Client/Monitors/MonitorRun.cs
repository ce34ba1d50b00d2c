using System.Text.Json;

namespace Steward.Client;

/// <summary>One run of a monitor.</summary>
/// <param name="Id">The id.</param>
/// <param name="MonitorId">The monitor.</param>
/// <param name="WindowSeq">The window compared.</param>
/// <param name="Trigger">schedule or manual.</param>
/// <param name="Status">drift, no_drift, insufficient_data or failed.</param>
/// <param name="RunAt">When.</param>
/// <param name="WindowOpenedAt">The window's start.</param>
/// <param name="Rows">Rows in the window.</param>
/// <param name="ShareOfDriftedColumns">Share of drifted columns.</param>
/// <param name="NumberOfDriftedColumns">Drifted columns.</param>
/// <param name="NumberOfColumns">Columns compared.</param>
/// <param name="TopColumns">Most drifted columns first.</param>
/// <param name="ReportSha256">SHA-256 of the stored report.</param>
/// <param name="RunBy">Who ran it.</param>
/// <param name="LedgerIndex">The <c>drift.detected</c> entry, when raised.</param>
/// <param name="Report">The report (only when one run is fetched): the latest revision's when late labels revised it.</param>
/// <param name="Revision">The report's revision: 0 for the run's own, then 1, 2, ... as late labels revise its performance (one run fetched).</param>
public sealed record MonitorRun(
    string Id, string MonitorId, long WindowSeq, string Trigger, string Status, DateTimeOffset RunAt, DateTimeOffset WindowOpenedAt, long Rows,
    double? ShareOfDriftedColumns, int? NumberOfDriftedColumns, int? NumberOfColumns, IReadOnlyList<string> TopColumns, string ReportSha256,
    string RunBy, long? LedgerIndex, JsonElement? Report, int Revision = 0);
