using System.Text.Json;

namespace Steward.Client;

/// <summary>A PII scan of a dataset (see <c>GET /api/v1/datasets/{id}/pii-scans/{scanId}</c>).</summary>
/// <param name="Id">The scan's id.</param>
/// <param name="DatasetId">The dataset scanned.</param>
/// <param name="Status">queued, running, completed or failed.</param>
/// <param name="Source">upload (scanned on the server) or report (submitted from a local scan).</param>
/// <param name="SubmittedBy">Who uploaded or submitted it.</param>
/// <param name="SubmittedAt">When.</param>
/// <param name="CompletedAt">When the result was recorded or the scan failed.</param>
/// <param name="BytesRead">Progress: bytes scanned so far.</param>
/// <param name="BytesTotal">The file's size.</param>
/// <param name="DatasetSha256">The SHA-256 of the scanned file.</param>
/// <param name="ReportSha256">The SHA-256 of the stored report.</param>
/// <param name="Verdict">pass or fail.</param>
/// <param name="Rule">The rule (fail_on, min_score, max_rows_per_column).</param>
/// <param name="Error">Why a failed scan failed.</param>
/// <param name="LedgerIndex">The <c>dataset.pii_scanned</c> ledger entry.</param>
/// <param name="Report">The per-column report (only when one scan is fetched).</param>
public sealed record PiiScan(
    string Id, string DatasetId, string Status, string Source, string SubmittedBy, DateTimeOffset SubmittedAt, DateTimeOffset? CompletedAt,
    long BytesRead, long BytesTotal, string? DatasetSha256, string? ReportSha256, string? Verdict, JsonElement? Rule, string? Error,
    long? LedgerIndex, JsonElement? Report);
