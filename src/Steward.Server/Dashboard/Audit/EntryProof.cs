namespace Steward.Server.Dashboard.Audit;

/// <summary>Outcome of checking one entry against the latest signed checkpoint.</summary>
internal enum ProofState
{
    /// <summary>The entry's bytes hash to a leaf that the checkpoint's signed root provably includes.</summary>
    Verified,

    /// <summary>The entry was appended after the latest signed checkpoint.</summary>
    NotCovered,

    /// <summary>Something does not check out: the ledger or the checkpoint cannot be trusted.</summary>
    Failed,
}

/// <summary>What checking one entry found, with the material a reader needs to repeat the check.</summary>
/// <param name="State">The outcome.</param>
/// <param name="Message">The outcome in words.</param>
/// <param name="LeafHash">RFC 6962 hash of the entry's bytes as read (recomputed, not the stored one).</param>
/// <param name="TreeSize">Tree size of the proof, when one was fetched.</param>
/// <param name="Hashes">The inclusion proof, leaf level upwards; empty when none was fetched.</param>
internal sealed record EntryProof(ProofState State, string Message, byte[] LeafHash, long? TreeSize, IReadOnlyList<byte[]> Hashes);
