using System.Security.Cryptography;
using Steward.Ledger.Canonical;
using Steward.Ledger.Merkle;

namespace Steward.Ledger.Verification;

/// <summary>What can be learnt about one row on its own (no ordering context); safe to compute in parallel.</summary>
internal struct LeafInspection
{
    public bool Canonical;
    public bool StoredHashMatches;
    public long? EventIndex;

    /// <summary>Hashes the leaf into <paramref name="leafHash"/> and inspects its content.</summary>
    public static LeafInspection Inspect(LedgerRow row, Span<byte> leafHash)
    {
        var leaf = row.Leaf.Span;
        HashLeaf(leaf, leafHash);
        var result = default(LeafInspection);
        result.Canonical = CanonicalValidator.IsCanonical(leaf, out result.EventIndex);
        result.StoredHashMatches = row.StoredLeafHash is null || leafHash.SequenceEqual(row.StoredLeafHash);
        return result;
    }

    private static void HashLeaf(ReadOnlySpan<byte> leaf, Span<byte> destination)
    {
        if (leaf.Length > 4096)
        {
            MerkleHash.HashLeaf(leaf, destination);
            return;
        }

        Span<byte> buffer = stackalloc byte[4097];
        buffer[0] = 0x00;
        leaf.CopyTo(buffer[1..]);
        SHA256.HashData(buffer[..(leaf.Length + 1)], destination);
    }
}
