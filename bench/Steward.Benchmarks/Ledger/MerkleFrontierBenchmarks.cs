using BenchmarkDotNet.Attributes;
using Steward.Ledger.Merkle;

namespace Steward.Benchmarks.Ledger;

/// <summary>Append throughput of the compact-range frontier (per appended leaf).</summary>
[ShortRunJob]
[MemoryDiagnoser]
public class MerkleFrontierBenchmarks
{
    private const int Leaves = 100_000;
    private byte[][] _leafHashes = [];

    [GlobalSetup]
    public void Setup() =>
        _leafHashes = Enumerable.Range(0, Leaves).Select(i => MerkleHash.HashLeaf(BitConverter.GetBytes(i))).ToArray();

    [Benchmark(OperationsPerInvoke = Leaves)]
    public byte[] Append()
    {
        var frontier = MerkleFrontier.Empty();
        foreach (byte[] hash in _leafHashes)
        {
            frontier.Append(hash, null);
        }

        return frontier.Root();
    }

    [Benchmark(OperationsPerInvoke = Leaves)]
    public int AppendCollectingCompletedNodes()
    {
        var frontier = MerkleFrontier.Empty();
        var completed = new List<(NodeId Id, byte[] Hash)>();
        int nodes = 0;
        foreach (byte[] hash in _leafHashes)
        {
            completed.Clear();
            frontier.Append(hash, completed);
            nodes += completed.Count;
        }

        return nodes;
    }

    [Benchmark(OperationsPerInvoke = Leaves)]
    public byte[] HashLeafOf1KbEvent()
    {
        byte[] leaf = new byte[1024];
        byte[] result = [];
        for (int i = 0; i < Leaves; i++)
        {
            result = MerkleHash.HashLeaf(leaf);
        }

        return result;
    }
}
