using System.Numerics;

namespace Steward.Ledger.Merkle;

/// <summary>
/// Verifies RFC 6962 / RFC 9162 inclusion and consistency proofs with the semantics of
/// transparency-dev/merkle <c>proof/verify.go</c>: wrong-length leaf hashes and proofs of the wrong length are
/// rejected, a root of the wrong length never matches.
/// </summary>
public static class MerkleVerifier
{
    /// <summary>Checks that <paramref name="proof"/> proves leaf <paramref name="index"/> is in the tree with <paramref name="root"/>.</summary>
    /// <param name="index">Leaf index.</param>
    /// <param name="size">Tree size.</param>
    /// <param name="leafHash">RFC 6962 hash of the leaf.</param>
    /// <param name="proof">Audit path, from the leaf level upwards.</param>
    /// <param name="root">Expected root of the tree of <paramref name="size"/> leaves.</param>
    /// <returns>True when the proof is well formed and leads to <paramref name="root"/>.</returns>
    public static bool VerifyInclusion(long index, long size, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> root) =>
        index >= 0 && size >= 0 && VerifyInclusion((ulong)index, (ulong)size, leafHash, proof, root);

    /// <inheritdoc cref="VerifyInclusion(long, long, ReadOnlySpan{byte}, IReadOnlyList{byte[]}, ReadOnlySpan{byte})"/>
    public static bool VerifyInclusion(ulong index, ulong size, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> root) =>
        TryRootFromInclusionProof(index, size, leafHash, proof, out var computed) is null && computed.AsSpan().SequenceEqual(root);

    /// <summary>Computes the root implied by an inclusion proof.</summary>
    /// <param name="index">Leaf index.</param>
    /// <param name="size">Tree size.</param>
    /// <param name="leafHash">RFC 6962 hash of the leaf.</param>
    /// <param name="proof">Audit path, from the leaf level upwards.</param>
    /// <returns>The 32-byte root.</returns>
    /// <exception cref="MerkleProofException">When the index, leaf hash or proof length do not fit the tree.</exception>
    public static byte[] RootFromInclusionProof(long index, long size, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> proof)
    {
        if (index < 0 || size < 0)
        {
            throw new MerkleProofException($"Index {index} and size {size} must not be negative.");
        }

        return RootFromInclusionProof((ulong)index, (ulong)size, leafHash, proof);
    }

    /// <inheritdoc cref="RootFromInclusionProof(long, long, ReadOnlySpan{byte}, IReadOnlyList{byte[]})"/>
    public static byte[] RootFromInclusionProof(ulong index, ulong size, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> proof)
    {
        string? error = TryRootFromInclusionProof(index, size, leafHash, proof, out var root);
        return error is null ? root : throw new MerkleProofException(error);
    }

    /// <summary>Checks that <paramref name="proof"/> proves the tree with <paramref name="root1"/> is a prefix of the tree with <paramref name="root2"/>.</summary>
    /// <param name="size1">Size of the older tree.</param>
    /// <param name="size2">Size of the newer tree.</param>
    /// <param name="proof">RFC 9162 consistency proof.</param>
    /// <param name="root1">Root of the older tree.</param>
    /// <param name="root2">Root of the newer tree.</param>
    /// <returns>True when the proof is well formed and links both roots.</returns>
    public static bool VerifyConsistency(long size1, long size2, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> root1, ReadOnlySpan<byte> root2) =>
        size1 >= 0 && size2 >= 0 && VerifyConsistency((ulong)size1, (ulong)size2, proof, root1, root2);

    /// <inheritdoc cref="VerifyConsistency(long, long, IReadOnlyList{byte[]}, ReadOnlySpan{byte}, ReadOnlySpan{byte})"/>
    public static bool VerifyConsistency(ulong size1, ulong size2, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> root1, ReadOnlySpan<byte> root2)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (size2 < size1 || size1 == 0)
        {
            return false; // a proof from the empty tree is meaningless
        }

        if (size1 == size2)
        {
            return proof.Count == 0 && root1.SequenceEqual(root2);
        }

        if (proof.Count == 0)
        {
            return false;
        }

        var (inner, border) = Decompose(size1 - 1, size2);
        int shift = BitOperations.TrailingZeroCount(size1);
        inner -= shift;

        // The proof starts with the root of the subtree of size 2^shift, unless size1 is that subtree.
        bool seedIsRoot1 = size1 == 1UL << shift;
        byte[] seed = seedIsRoot1 ? root1.ToArray() : proof[0];
        int start = seedIsRoot1 ? 0 : 1;
        if (proof.Count != start + inner + border)
        {
            return false;
        }

        ulong mask = (size1 - 1) >> shift;
        byte[] hash1 = seed;
        byte[] hash2 = seed;
        for (int i = 0; i < inner; i++)
        {
            byte[] element = proof[start + i];
            if (((mask >> i) & 1) == 1)
            {
                hash1 = MerkleHash.HashChildren(element, hash1);
                hash2 = MerkleHash.HashChildren(element, hash2);
            }
            else
            {
                hash2 = MerkleHash.HashChildren(hash2, element);
            }
        }

        for (int i = start + inner; i < proof.Count; i++)
        {
            hash1 = MerkleHash.HashChildren(proof[i], hash1);
            hash2 = MerkleHash.HashChildren(proof[i], hash2);
        }

        return hash1.AsSpan().SequenceEqual(root1) && hash2.AsSpan().SequenceEqual(root2);
    }

    private static string? TryRootFromInclusionProof(ulong index, ulong size, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> proof, out byte[] root)
    {
        ArgumentNullException.ThrowIfNull(proof);
        root = [];
        if (index >= size)
        {
            return $"index is beyond size: {index} >= {size}";
        }

        if (leafHash.Length != MerkleHash.Size)
        {
            return $"leafHash has unexpected size {leafHash.Length}, want {MerkleHash.Size}";
        }

        var (inner, border) = Decompose(index, size);
        if (proof.Count != inner + border)
        {
            return $"wrong proof size {proof.Count}, want {inner + border}";
        }

        byte[] hash = leafHash.ToArray();
        for (int i = 0; i < proof.Count; i++)
        {
            bool siblingOnRight = i < inner && ((index >> i) & 1) == 0;
            if (siblingOnRight)
            {
                MerkleHash.HashChildren(hash, proof[i], hash);
            }
            else
            {
                MerkleHash.HashChildren(proof[i], hash, hash);
            }
        }

        root = hash;
        return null;
    }

    private static (int Inner, int Border) Decompose(ulong index, ulong size)
    {
        int inner = 64 - BitOperations.LeadingZeroCount(index ^ (size - 1));
        int border = inner >= 64 ? 0 : BitOperations.PopCount(index >> inner);
        return (inner, border);
    }
}
