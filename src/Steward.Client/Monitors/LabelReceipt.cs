namespace Steward.Client;

/// <summary>The answer to a labels post.</summary>
/// <param name="MonitorId">The monitor.</param>
/// <param name="Labels">Rows in the file.</param>
/// <param name="Matched">Labels joined to a waiting prediction.</param>
/// <param name="Unknown">Labels whose id matches no stored prediction.</param>
/// <param name="Duplicates">Labels for an id already labelled (ignored: the first label wins).</param>
/// <param name="Expired">Labels whose prediction waited longer than the TTL.</param>
/// <param name="Dropped">Labels whose prediction was dropped to keep the bound.</param>
/// <param name="Pending">Predictions still waiting.</param>
/// <param name="Windows">Per window the labels went into.</param>
/// <param name="IgnoredColumns">Columns other than the id and the label.</param>
/// <param name="LedgerIndex">The ledger entry when a run report got a revision.</param>
public sealed record LabelReceipt(string MonitorId, long Labels, long Matched, long Unknown, long Duplicates, long Expired, long Dropped, long Pending,
    IReadOnlyList<LabelReceiptWindow> Windows, IReadOnlyList<string> IgnoredColumns, long? LedgerIndex);
