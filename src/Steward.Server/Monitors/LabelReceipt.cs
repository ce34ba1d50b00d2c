namespace Steward.Server.Monitors;

/// <summary>The answer to a labels post, sent once everything it changed is committed.</summary>
/// <param name="MonitorId">The monitor.</param>
/// <param name="Labels">Rows in the file.</param>
/// <param name="Matched">Labels joined to a waiting prediction and folded into its window.</param>
/// <param name="Unknown">Labels whose id matches no stored prediction.</param>
/// <param name="Duplicates">Labels for an id already labelled, earlier or in this file (ignored: the first label wins).</param>
/// <param name="Expired">Labels whose prediction waited longer than <c>label_ttl</c>.</param>
/// <param name="Dropped">Labels whose prediction was dropped to keep <c>max_pending_labels</c>.</param>
/// <param name="Pending">Predictions of the monitor still waiting.</param>
/// <param name="Windows">Per window the labels went into.</param>
/// <param name="IgnoredColumns">Columns other than the id and the label.</param>
/// <param name="LedgerIndex">The ledger entry (<c>monitor.labels_applied</c> or <c>performance.degraded</c>) when a run report got a revision.</param>
internal sealed record LabelReceipt(string MonitorId, long Labels, long Matched, long Unknown, long Duplicates, long Expired, long Dropped, long Pending,
    IReadOnlyList<LabelReceiptWindow> Windows, IReadOnlyList<string> IgnoredColumns, long? LedgerIndex);
