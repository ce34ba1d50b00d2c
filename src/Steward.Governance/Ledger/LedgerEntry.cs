namespace Steward.Governance.Ledger;

/// <summary>A stored ledger leaf.</summary>
/// <param name="Index">Position in the log.</param>
/// <param name="Leaf">The exact leaf bytes (canonical JSON of the event envelope).</param>
/// <param name="LeafHash">RFC 6962 leaf hash.</param>
public sealed record LedgerEntry(long Index, byte[] Leaf, byte[] LeafHash);

/// <summary>Filters of the audit trail.</summary>
public sealed record LedgerEntryFilter(
    string? Type = null, string? SubjectKind = null, string? SubjectId = null, string? ActorId = null,
    DateTimeOffset? Since = null, DateTimeOffset? Until = null);

/// <summary>An RFC 6962 proof.</summary>
/// <param name="TreeSize">Size of the tree the proof is for.</param>
/// <param name="Hashes">Proof hashes, from the leaf level upwards.</param>
/// <param name="LeafHash">For inclusion proofs, the proven entry's leaf hash (read in the same query).</param>
public sealed record LedgerProof(long TreeSize, IReadOnlyList<byte[]> Hashes, byte[]? LeafHash = null);
