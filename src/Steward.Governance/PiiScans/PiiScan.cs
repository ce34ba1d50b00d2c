using System.Text.Json.Nodes;

namespace Steward.Governance.PiiScans;

/// <summary>
/// A PII scan of a dataset: an uploaded file scanned on the server (<c>source</c> <c>upload</c>) or a report from a
/// local <c>steward pii scan</c> (<c>report</c>). Status <c>queued</c>, <c>running</c>, <c>completed</c> or <c>failed</c>.
/// </summary>
/// <param name="Id">The scan's id (UUIDv7).</param>
/// <param name="DatasetId">The dataset scanned.</param>
/// <param name="Status">queued, running, completed or failed.</param>
/// <param name="Source">upload or report.</param>
/// <param name="SubmittedBy">Who uploaded the file or submitted the report.</param>
/// <param name="SubmittedAt">When.</param>
/// <param name="CompletedAt">When the result was recorded (or the scan failed).</param>
/// <param name="BytesRead">Progress: bytes scanned so far.</param>
/// <param name="BytesTotal">The file's size.</param>
/// <param name="DatasetSha256">The SHA-256 of the file scanned (equal to the dataset's registered digest).</param>
/// <param name="ReportSha256">The SHA-256 of the stored report JSON.</param>
/// <param name="Verdict">pass or fail.</param>
/// <param name="Rule">The rule: fail_on, min_score, max_rows_per_column.</param>
/// <param name="Error">Why a failed scan failed.</param>
/// <param name="LedgerIndex">The <c>dataset.pii_scanned</c> ledger entry.</param>
/// <param name="Report">The report (omitted in lists).</param>
public sealed record PiiScan(
    string Id, string DatasetId, string Status, string Source, string SubmittedBy, DateTimeOffset SubmittedAt, DateTimeOffset? CompletedAt,
    long BytesRead, long BytesTotal, string? DatasetSha256, string? ReportSha256, string? Verdict, JsonNode? Rule, string? Error,
    long? LedgerIndex, JsonNode? Report);
