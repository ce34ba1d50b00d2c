using System.Numerics;

namespace Steward.Ledger.Merkle;

/// <summary>
/// The right edge (compact range) of a growing RFC 6962 tree: one perfect subtree hash per set bit of the size.
/// Appending is O(log n) and allocation-free unless completed nodes are requested.
/// </summary>
public sealed class MerkleFrontier
{
    private const int MaxLevels = 63;

    // Slot L holds the hash of the right-edge subtree at level L when bit L of Size is set.
    private readonly byte[] _slots;

    private MerkleFrontier(long size, byte[] slots)
    {
        Size = size;
        _slots = slots;
    }

    /// <summary>Number of leaves appended so far.</summary>
    public long Size { get; private set; }

    /// <summary>Creates the frontier of the empty tree.</summary>
    /// <returns>A new, empty frontier.</returns>
    public static MerkleFrontier Empty() => new(0, new byte[MaxLevels * MerkleHash.Size]);

    /// <summary>
    /// Node ids of the perfect subtrees that make up a tree of <paramref name="size"/> leaves, left (largest) to right.
    /// </summary>
    /// <param name="size">Tree size; must not be negative.</param>
    /// <returns>One node per set bit of <paramref name="size"/>.</returns>
    public static IReadOnlyList<NodeId> RightEdge(long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        var result = new List<NodeId>(BitOperations.PopCount((ulong)size));
        for (int level = MaxLevels - 1; level >= 0; level--)
        {
            if (((size >> level) & 1) != 0)
            {
                result.Add(new NodeId(level, (size >> level) - 1));
            }
        }

        return result;
    }

    /// <summary>Rebuilds a frontier from the hashes of <see cref="RightEdge(long)"/>, in the same order.</summary>
    /// <param name="size">Tree size the hashes belong to.</param>
    /// <param name="hashes">The 32-byte hashes of the right-edge nodes, largest subtree first.</param>
    /// <returns>A frontier positioned at <paramref name="size"/>.</returns>
    public static MerkleFrontier FromRightEdge(long size, IReadOnlyList<byte[]> hashes)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        var edge = RightEdge(size);
        if (hashes.Count != edge.Count)
        {
            throw new ArgumentException($"A tree of size {size} needs {edge.Count} right-edge hashes, got {hashes.Count}.", nameof(hashes));
        }

        var frontier = Empty();
        for (int i = 0; i < edge.Count; i++)
        {
            if (hashes[i] is not { Length: MerkleHash.Size })
            {
                throw new ArgumentException($"Right-edge hash {i} must be {MerkleHash.Size} bytes.", nameof(hashes));
            }

            hashes[i].CopyTo(frontier.Slot(edge[i].Level));
        }

        frontier.Size = size;
        return frontier;
    }

    /// <summary>Hashes of the current <see cref="RightEdge(long)"/> nodes, largest subtree first.</summary>
    /// <returns>New arrays, suitable for <see cref="FromRightEdge(long, IReadOnlyList{byte[]})"/>.</returns>
    public IReadOnlyList<byte[]> RightEdgeHashes()
    {
        var result = new List<byte[]>(BitOperations.PopCount((ulong)Size));
        for (int level = MaxLevels - 1; level >= 0; level--)
        {
            if (((Size >> level) & 1) != 0)
            {
                result.Add(Slot(level).ToArray());
            }
        }

        return result;
    }

    /// <summary>Appends a leaf hash.</summary>
    /// <param name="leafHash">The 32-byte RFC 6962 leaf hash.</param>
    /// <param name="completed">
    /// When not null, receives every perfect node at level 1 or above that this append completes, lowest first.
    /// </param>
    public void Append(ReadOnlySpan<byte> leafHash, List<(NodeId Id, byte[] Hash)>? completed)
    {
        if (leafHash.Length != MerkleHash.Size)
        {
            throw new ArgumentException($"Leaf hash must be {MerkleHash.Size} bytes.", nameof(leafHash));
        }

        Span<byte> hash = stackalloc byte[MerkleHash.Size];
        leafHash.CopyTo(hash);
        long newSize = Size + 1;
        int level = 0;
        for (long bits = Size; (bits & 1) != 0; bits >>= 1)
        {
            MerkleHash.HashChildren(Slot(level), hash, hash);
            level++;
            completed?.Add((new NodeId(level, (newSize >> level) - 1), hash.ToArray()));
        }

        hash.CopyTo(Slot(level));
        Size = newSize;
    }

    /// <summary>The RFC 6962 root hash of the tree at its current size (the empty root for size 0).</summary>
    /// <returns>A new 32-byte array.</returns>
    public byte[] Root()
    {
        var root = new byte[MerkleHash.Size];
        Root(root);
        return root;
    }

    /// <summary>Writes the RFC 6962 root hash of the current tree into <paramref name="destination"/>.</summary>
    /// <param name="destination">Receives 32 bytes.</param>
    public void Root(Span<byte> destination)
    {
        if (Size == 0)
        {
            MerkleHash.EmptyRoot().CopyTo(destination);
            return;
        }

        int lowest = BitOperations.TrailingZeroCount(Size);
        Slot(lowest).CopyTo(destination);
        for (int level = lowest + 1; level < MaxLevels; level++)
        {
            if (((Size >> level) & 1) != 0)
            {
                MerkleHash.HashChildren(Slot(level), destination[..MerkleHash.Size], destination);
            }
        }
    }

    /// <summary>Creates an independent copy of this frontier.</summary>
    /// <returns>The copy.</returns>
    public MerkleFrontier Clone() => new(Size, (byte[])_slots.Clone());

    private Span<byte> Slot(int level) => _slots.AsSpan(level * MerkleHash.Size, MerkleHash.Size);
}
