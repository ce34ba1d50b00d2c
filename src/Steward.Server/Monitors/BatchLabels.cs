namespace Steward.Server.Monitors;

/// <summary>What a batch did to the predictions waiting for labels (monitors with an <c>id_column</c>).</summary>
/// <param name="AwaitingLabels">Unlabelled predictions stored to wait for their label.</param>
/// <param name="DuplicateIds">Unlabelled predictions whose id was already stored (the first one is kept).</param>
/// <param name="WithoutId">Unlabelled predictions without an id: no label can join them (drift only).</param>
/// <param name="Dropped">The oldest waiting predictions dropped to keep <c>max_pending_labels</c>.</param>
/// <param name="Expired">Waiting predictions past <c>label_ttl</c>, expired by this write.</param>
/// <param name="Pending">Predictions of the monitor waiting for labels after this batch.</param>
internal sealed record BatchLabels(long AwaitingLabels, long DuplicateIds, long WithoutId, long Dropped, long Expired, long Pending);
