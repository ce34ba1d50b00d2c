namespace Steward.Governance.Monitors;

/// <summary>What a batch did to the predictions waiting for labels (committed with the batch).</summary>
/// <param name="Stored">Predictions stored to wait for their label.</param>
/// <param name="DuplicateIds">Predictions whose row id was already known (the first one is kept).</param>
/// <param name="Dropped">The oldest waiting predictions dropped to keep <c>max_pending_labels</c>.</param>
/// <param name="Expired">Waiting predictions whose label did not come within <c>label_ttl</c>, expired by this write.</param>
/// <param name="Pending">Predictions waiting after the batch.</param>
public sealed record PendingOutcome(long Stored, long DuplicateIds, long Dropped, long Expired, long Pending)
{
    /// <summary>Nothing stored (a monitor without <c>id_column</c>).</summary>
    public static readonly PendingOutcome None = new(0, 0, 0, 0, 0);
}
