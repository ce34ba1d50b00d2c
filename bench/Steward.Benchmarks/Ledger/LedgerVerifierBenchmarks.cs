using System.Text;
using BenchmarkDotNet.Attributes;
using Steward.Ledger.Canonical;
using Steward.Ledger.Merkle;
using Steward.Ledger.Notes;
using Steward.Ledger.Verification;

namespace Steward.Benchmarks.Ledger;

/// <summary>Offline verification of a 1,000,000-entry ledger of 1 KB canonical events held in memory.</summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class LedgerVerifierBenchmarks
{
    private const int Entries = 1_000_000;
    private const int LeafBytes = 1024;
    private const string Origin = "bench.steward/log";

    private readonly List<LedgerRow> _rows = new(Entries);
    private readonly Dictionary<NodeId, byte[]> _nodes = [];
    private string[] _checkpoints = [];
    private LedgerVerifier _verifier = null!;

    [GlobalSetup]
    public void Setup()
    {
        var key = NoteSigner.Generate(Origin);
        var frontier = MerkleFrontier.Empty();
        var completed = new List<(NodeId Id, byte[] Hash)>();
        var checkpoints = new List<string>();
        for (int i = 0; i < Entries; i++)
        {
            byte[] leaf = Event(i);
            byte[] hash = MerkleHash.HashLeaf(leaf);
            _rows.Add(new LedgerRow(i, leaf, hash));
            completed.Clear();
            frontier.Append(hash, completed);
            foreach (var (id, node) in completed)
            {
                _nodes[id] = node;
            }

            if ((i + 1) % 100_000 == 0)
            {
                checkpoints.Add(new Checkpoint(Origin, i + 1, frontier.Root()).Sign(key));
            }
        }

        if (!CanonicalJson.IsCanonical(_rows[0].Leaf.Span) || _rows[0].Leaf.Length != LeafBytes)
        {
            throw new InvalidOperationException("The generated events must be 1 KB of canonical JSON.");
        }

        _checkpoints = [.. checkpoints];
        _verifier = new LedgerVerifier(key.Verifier, Origin);
    }

    [Benchmark]
    public bool Verify1MEntries() => Check(_verifier.Verify(_rows, _checkpoints));

    [Benchmark]
    public bool Verify1MEntriesWithStoredNodes() => Check(_verifier.Verify(_rows, _checkpoints, id => _nodes.GetValueOrDefault(id)));

    private static bool Check(LedgerVerificationReport report) =>
        report.Ok && report.Size == Entries ? true : throw new InvalidOperationException(report.Problem ?? "wrong size");

    private static byte[] Event(int index)
    {
        string head = "{\"actor\":{\"id\":\"svc-ingest\",\"kind\":\"service\"},\"data\":{\"note\":\"";
        string tail = $"\"}},\"id\":\"0198f0c2-0000-7000-8000-{index:D12}\",\"index\":{index},"
            + "\"subject\":{\"id\":\"credit-scoring\",\"kind\":\"system\"},\"time\":\"2026-01-01T00:00:00Z\",\"type\":\"decision.recorded\"}";
        int pad = LeafBytes - head.Length - tail.Length;
        var text = new StringBuilder(LeafBytes).Append(head);
        for (int i = 0; i < pad; i++)
        {
            text.Append((char)('a' + ((index + i) % 26)));
        }

        return Encoding.UTF8.GetBytes(text.Append(tail).ToString());
    }
}
