using Steward.Ledger.Merkle;

namespace Steward.Ledger.Tests.Merkle;

/// <summary>A direct transcription of RFC 9162 §2.1 (MTH, PATH, PROOF/SUBPROOF) over leaf hashes, as an oracle.</summary>
internal static class NaiveMerkle
{
    public static byte[] Root(IReadOnlyList<byte[]> leafHashes, int begin, int end)
    {
        int n = end - begin;
        if (n == 0)
        {
            return MerkleHash.EmptyRoot();
        }

        if (n == 1)
        {
            return leafHashes[begin];
        }

        int k = LargestPowerOfTwoBelow(n);
        return MerkleHash.HashChildren(Root(leafHashes, begin, begin + k), Root(leafHashes, begin + k, end));
    }

    public static List<byte[]> Path(int m, IReadOnlyList<byte[]> leaves, int begin, int end)
    {
        int n = end - begin;
        if (n == 1)
        {
            return [];
        }

        int k = LargestPowerOfTwoBelow(n);
        if (m < k)
        {
            var path = Path(m, leaves, begin, begin + k);
            path.Add(Root(leaves, begin + k, end));
            return path;
        }
        else
        {
            var path = Path(m - k, leaves, begin + k, end);
            path.Add(Root(leaves, begin, begin + k));
            return path;
        }
    }

    public static List<byte[]> Proof(int m, IReadOnlyList<byte[]> leaves, int n) => SubProof(m, leaves, 0, n, true);

    public static Dictionary<NodeId, byte[]> PerfectNodes(IReadOnlyList<byte[]> leaves)
    {
        var nodes = new Dictionary<NodeId, byte[]>();
        for (int level = 0; (1 << level) <= leaves.Count; level++)
        {
            for (int index = 0; (index + 1) << level <= leaves.Count; index++)
            {
                nodes[new NodeId(level, index)] = Root(leaves, index << level, (index + 1) << level);
            }
        }

        return nodes;
    }

    public static List<byte[]> Leaves(int count) =>
        Enumerable.Range(0, count).Select(i => MerkleHash.HashLeaf(BitConverter.GetBytes(i * 7919))).ToList();

    private static List<byte[]> SubProof(int m, IReadOnlyList<byte[]> leaves, int begin, int end, bool b)
    {
        int n = end - begin;
        if (m == n)
        {
            return b ? [] : [Root(leaves, begin, end)];
        }

        int k = LargestPowerOfTwoBelow(n);
        if (m <= k)
        {
            var proof = SubProof(m, leaves, begin, begin + k, b);
            proof.Add(Root(leaves, begin + k, end));
            return proof;
        }
        else
        {
            var proof = SubProof(m - k, leaves, begin + k, end, false);
            proof.Add(Root(leaves, begin, begin + k));
            return proof;
        }
    }

    private static int LargestPowerOfTwoBelow(int n)
    {
        int k = 1;
        while (k << 1 < n)
        {
            k <<= 1;
        }

        return k;
    }
}
