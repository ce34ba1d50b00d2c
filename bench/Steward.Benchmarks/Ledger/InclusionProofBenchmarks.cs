using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Steward.Ledger.Merkle;

namespace Steward.Benchmarks.Ledger;

/// <summary>
/// Building inclusion and consistency proofs at 1,000,000 entries from stored nodes held in memory, either in one
/// dictionary (all levels) or in one array per level, fetching only the plan's distinct nodes as a store would.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class InclusionProofBenchmarks
{
    private const long Size = 1_000_000;
    private const int Samples = 4096;

    private readonly Dictionary<NodeId, byte[]> _nodes = [];
    private byte[][] _levels = [];
    private long[] _indices = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var frontier = MerkleFrontier.Empty();
        var completed = new List<(NodeId Id, byte[] Hash)>();
        var levels = new List<byte[]>();
        for (int level = 0; Size >> level > 0; level++)
        {
            levels.Add(new byte[(Size >> level) * MerkleHash.Size]);
        }

        for (long i = 0; i < Size; i++)
        {
            byte[] leaf = MerkleHash.HashLeaf(BitConverter.GetBytes(i));
            _nodes[new NodeId(0, i)] = leaf;
            leaf.CopyTo(levels[0], i * MerkleHash.Size);
            completed.Clear();
            frontier.Append(leaf, completed);
            foreach (var (id, hash) in completed)
            {
                _nodes[id] = hash;
                hash.CopyTo(levels[id.Level], id.Index * MerkleHash.Size);
            }
        }

        _levels = [.. levels];
        var random = new Random(42);
        _indices = Enumerable.Range(0, Samples).Select(_ => random.NextInt64(Size)).ToArray();
    }

    [Benchmark(Baseline = true)]
    public byte[][] InclusionFromDictionary() => ProofPlan.Build(ProofPlan.Inclusion(NextIndex(), Size), _nodes);

    [Benchmark]
    public byte[][] InclusionFromLevelArrays()
    {
        var plan = ProofPlan.Inclusion(NextIndex(), Size);
        var fetched = new Dictionary<NodeId, byte[]>();
        foreach (var id in ProofPlan.Distinct(plan))
        {
            fetched[id] = _levels[id.Level].AsSpan((int)(id.Index * MerkleHash.Size), MerkleHash.Size).ToArray();
        }

        return ProofPlan.Build(plan, fetched);
    }

    [Benchmark]
    public byte[][] ConsistencyFromDictionary() => ProofPlan.Build(ProofPlan.Consistency(NextIndex() + 1, Size), _nodes);

    /// <summary>Per-call latency distribution (BenchmarkDotNet reports per-iteration means), printed to the log.</summary>
    [GlobalCleanup]
    public void ReportLatencyPercentiles()
    {
        const int Calls = 200_000;
        double[] micros = new double[Calls];
        for (int i = 0; i < Calls; i++)
        {
            long start = Stopwatch.GetTimestamp();
            InclusionFromLevelArrays();
            micros[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        Array.Sort(micros);
        Console.WriteLine($"// inclusion proof at {Size:N0} entries, {Calls:N0} single calls: p50 {micros[Calls / 2]:F2} us, "
            + $"p99 {micros[Calls * 99 / 100]:F2} us, p99.9 {micros[Calls * 999 / 1000]:F2} us, max {micros[^1]:F2} us");
    }

    private long NextIndex() => _indices[_next++ & (Samples - 1)];
}
