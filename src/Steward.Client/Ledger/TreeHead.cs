namespace Steward.Client;

/// <summary>The current size and root of the ledger's Merkle tree.</summary>
/// <param name="Size">The number of entries.</param>
/// <param name="RootHash">The RFC 6962 root hash.</param>
public sealed record TreeHead(long Size, byte[] RootHash);
