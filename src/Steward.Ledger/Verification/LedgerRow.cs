namespace Steward.Ledger.Verification;

/// <summary>One stored ledger entry, as read from storage or an export.</summary>
/// <param name="Index">The index the entry is stored under.</param>
/// <param name="Leaf">The leaf bytes: canonical JSON of the event envelope, with a top-level integer <c>"index"</c>.</param>
/// <param name="StoredLeafHash">The leaf hash stored next to the entry, if any.</param>
public sealed record LedgerRow(long Index, ReadOnlyMemory<byte> Leaf, byte[]? StoredLeafHash);
