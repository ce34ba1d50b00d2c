namespace Steward.Client;

/// <summary>What a batch did to the predictions waiting for labels (monitors with an id column).</summary>
/// <param name="AwaitingLabels">Unlabelled predictions stored to wait for their label.</param>
/// <param name="DuplicateIds">Unlabelled predictions whose id was already stored (the first one is kept).</param>
/// <param name="WithoutId">Unlabelled predictions without an id (drift only).</param>
/// <param name="Dropped">The oldest waiting predictions dropped to keep the bound.</param>
/// <param name="Expired">Waiting predictions past their TTL, expired by this write.</param>
/// <param name="Pending">Predictions waiting after this batch.</param>
public sealed record BatchLabels(long AwaitingLabels, long DuplicateIds, long WithoutId, long Dropped, long Expired, long Pending);
