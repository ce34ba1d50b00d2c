namespace Steward.Client;

/// <summary>An RFC 6962 proof that an entry is in the tree of a given size.</summary>
/// <param name="Index">The entry's index.</param>
/// <param name="TreeSize">The size of the tree the proof is for.</param>
/// <param name="LeafHash">The leaf hash of the entry.</param>
/// <param name="Hashes">The audit path, leaf to root.</param>
public sealed record InclusionProof(long Index, long TreeSize, byte[] LeafHash, IReadOnlyList<byte[]> Hashes);
