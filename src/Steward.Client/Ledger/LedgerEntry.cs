namespace Steward.Client;

/// <summary>One entry of the ledger.</summary>
/// <param name="Index">The entry's position in the log.</param>
/// <param name="LeafHash">The RFC 6962 leaf hash of the entry's bytes.</param>
/// <param name="Event">The event envelope the leaf holds.</param>
public sealed record LedgerEntry(long Index, byte[] LeafHash, LedgerEvent Event);
