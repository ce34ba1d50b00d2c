namespace Steward.Client;

/// <summary>An RFC 6962 proof that the tree of size <paramref name="From"/> is a prefix of the tree of size <paramref name="TreeSize"/>.</summary>
/// <param name="From">The older, smaller size.</param>
/// <param name="TreeSize">The newer size.</param>
/// <param name="Hashes">The proof hashes.</param>
public sealed record ConsistencyProof(long From, long TreeSize, IReadOnlyList<byte[]> Hashes);
