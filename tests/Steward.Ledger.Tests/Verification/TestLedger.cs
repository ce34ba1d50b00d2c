using System.Text.Json.Nodes;
using Steward.Ledger.Canonical;
using Steward.Ledger.Merkle;
using Steward.Ledger.Notes;
using Steward.Ledger.Verification;

namespace Steward.Ledger.Tests.Verification;

/// <summary>An in-memory ledger: canonical event leaves, stored leaf hashes and nodes, signed checkpoints.</summary>
internal sealed class TestLedger
{
    public const string Origin = "steward.test/log";

    public TestLedger(int size, params long[] checkpointSizes)
    {
        var frontier = MerkleFrontier.Empty();
        var completed = new List<(NodeId Id, byte[] Hash)>();
        var roots = new Dictionary<long, byte[]> { [0] = frontier.Root() };
        for (int i = 0; i < size; i++)
        {
            byte[] leaf = Event(i);
            byte[] hash = MerkleHash.HashLeaf(leaf);
            Rows.Add(new LedgerRow(i, leaf, hash));
            frontier.Append(hash, completed);
            roots[i + 1] = frontier.Root();
        }

        foreach (var (id, hash) in completed)
        {
            Nodes[id] = hash;
        }

        Root = frontier.Root();
        Checkpoints = checkpointSizes.Select(s => new Checkpoint(Origin, s, roots[s]).Sign(Key)).ToList();
    }

    public static NoteSigner Key { get; } = NoteSigner.Generate(Origin);

    public List<LedgerRow> Rows { get; } = [];

    public Dictionary<NodeId, byte[]> Nodes { get; } = [];

    public List<string> Checkpoints { get; }

    public byte[] Root { get; }

    public static byte[] Event(long index, string kind = "decision.recorded") => CanonicalJson.Serialize(new JsonObject
    {
        ["id"] = $"evt-{index:D6}",
        ["index"] = index,
        ["type"] = kind,
        ["data"] = new JsonObject { ["rationale"] = new string('x', (int)(index % 50)), ["n"] = index * 3 },
    });

    /// <summary>Replaces entry <paramref name="index"/> with new content, optionally re-computing its stored hash.</summary>
    public void Replace(int index, byte[] leaf, bool updateStoredHash) =>
        Rows[index] = Rows[index] with { Leaf = leaf, StoredLeafHash = updateStoredHash ? MerkleHash.HashLeaf(leaf) : Rows[index].StoredLeafHash };

    public LedgerVerificationReport Verify(bool withNodes = false, IEnumerable<string>? checkpoints = null) =>
        new LedgerVerifier(Key.Verifier, Origin).Verify(Rows, checkpoints ?? Checkpoints, withNodes ? id => Nodes.GetValueOrDefault(id) : null);
}
