using System.Numerics;

namespace Steward.Ledger.Merkle;

/// <summary>
/// Which stored perfect nodes make up each element of an RFC 9162 inclusion or consistency proof.
/// A proof element is either one perfect node or the root of a partial right-edge range, which is the
/// right-to-left fold of the perfect nodes covering it.
/// </summary>
public static class ProofPlan
{
    /// <summary>
    /// Plans the inclusion proof (RFC 9162 §2.1.3.1) of leaf <paramref name="index"/> in a tree of <paramref name="size"/> leaves.
    /// Each element lists the perfect nodes, left to right, whose fold (h = last; h = HashChildren(node[k], h)) gives one proof hash.
    /// Elements are ordered from the leaf upwards.
    /// </summary>
    /// <param name="index">Leaf index.</param>
    /// <param name="size">Tree size.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="index"/> is not in [0, size).</exception>
    public static IReadOnlyList<IReadOnlyList<NodeId>> Inclusion(long index, long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, size);
        var plan = new List<IReadOnlyList<NodeId>>(64 - BitOperations.LeadingZeroCount((ulong)size));
        for (int level = 0; level < 63; level++)
        {
            long node = index >> level;
            if (node == 0 && (1L << level) >= size)
            {
                break; // the node containing the leaf covers the whole tree
            }

            long sibling = node ^ 1;
            long begin = sibling << level;
            if (begin >= size)
            {
                continue; // sibling lies beyond the tree: the node is carried up unchanged
            }

            plan.Add(Range(begin, Math.Min(size, (sibling + 1) << level)));
        }

        return plan;
    }

    /// <summary>
    /// Plans the consistency proof (RFC 9162 §2.1.4.1) between the tree of <paramref name="from"/> leaves and the tree of
    /// <paramref name="size"/> leaves. Empty when <paramref name="from"/> is 0 or equals <paramref name="size"/>.
    /// </summary>
    /// <param name="from">Size of the older tree.</param>
    /// <param name="size">Size of the newer tree.</param>
    /// <returns>The plan, elements in proof order.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="from"/> is negative or greater than <paramref name="size"/>.</exception>
    public static IReadOnlyList<IReadOnlyList<NodeId>> Consistency(long from, long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(from, size);
        var plan = new List<IReadOnlyList<NodeId>>();
        if (from > 0 && from < size)
        {
            SubProof(from, 0, size, true, plan);
        }

        return plan;
    }

    /// <summary>Builds proof hashes from a plan and the hashes of the nodes it names.</summary>
    /// <param name="plan">A plan from <see cref="Inclusion"/> or <see cref="Consistency"/>.</param>
    /// <param name="nodes">Hashes of (at least) every node in <see cref="Distinct"/>(plan); level 0 entries are leaf hashes.</param>
    /// <returns>One hash per plan element.</returns>
    /// <exception cref="KeyNotFoundException">When a node of the plan is missing from <paramref name="nodes"/>.</exception>
    public static byte[][] Build(IReadOnlyList<IReadOnlyList<NodeId>> plan, IReadOnlyDictionary<NodeId, byte[]> nodes)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(nodes);
        var proof = new byte[plan.Count][];
        for (int i = 0; i < plan.Count; i++)
        {
            var element = plan[i];
            byte[] hash = Lookup(nodes, element[^1]);
            if (element.Count > 1)
            {
                hash = (byte[])hash.Clone();
                for (int k = element.Count - 2; k >= 0; k--)
                {
                    MerkleHash.HashChildren(Lookup(nodes, element[k]), hash, hash);
                }
            }

            proof[i] = hash;
        }

        return proof;
    }

    /// <summary>The distinct node ids a plan needs, so they can be fetched in one query.</summary>
    /// <param name="plan">A plan from <see cref="Inclusion"/> or <see cref="Consistency"/>.</param>
    /// <returns>Each id once, in plan order.</returns>
    public static IEnumerable<NodeId> Distinct(IReadOnlyList<IReadOnlyList<NodeId>> plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.SelectMany(element => element).Distinct();
    }

    // RFC 9162 SUBPROOF(m, D[start : start + n], b), with perfect-node ranges instead of hashes.
    private static void SubProof(long m, long start, long n, bool complete, List<IReadOnlyList<NodeId>> plan)
    {
        if (m == n)
        {
            if (!complete)
            {
                plan.Add(Range(start, start + n));
            }

            return;
        }

        long k = LargestPowerOfTwoBelow(n);
        if (m <= k)
        {
            SubProof(m, start, k, complete, plan);
            plan.Add(Range(start + k, start + n));
        }
        else
        {
            SubProof(m - k, start + k, n - k, false, plan);
            plan.Add(Range(start, start + k));
        }
    }

    private static long LargestPowerOfTwoBelow(long n) => 1L << (63 - BitOperations.LeadingZeroCount((ulong)(n - 1)));

    // Perfect nodes covering [begin, end), where begin is aligned to a power of two at least end - begin.
    private static NodeId[] Range(long begin, long end)
    {
        long length = end - begin;
        var nodes = new NodeId[BitOperations.PopCount((ulong)length)];
        int i = 0;
        for (int level = 62; level >= 0; level--)
        {
            if (((length >> level) & 1) != 0)
            {
                nodes[i++] = new NodeId(level, begin >> level);
                begin += 1L << level;
            }
        }

        return nodes;
    }

    private static byte[] Lookup(IReadOnlyDictionary<NodeId, byte[]> nodes, NodeId id) =>
        nodes.TryGetValue(id, out var hash)
            ? hash
            : throw new KeyNotFoundException($"Node {id} needed by the proof is missing.");
}
