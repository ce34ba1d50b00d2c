using Steward.Ledger.Merkle;

namespace Steward.Ledger.Tests.Merkle;

public sealed class MerkleFrontierTests
{
    [Fact]
    public void Root_MatchesReferenceTreeForSizesZeroToEight()
    {
        var frontier = MerkleFrontier.Empty();
        Assert.Equal(ReferenceTree.Roots[0], Hex.Encode(frontier.Root()));
        for (int i = 0; i < 8; i++)
        {
            frontier.Append(ReferenceTree.LeafHash(i), null);
            Assert.Equal(ReferenceTree.Roots[i + 1], Hex.Encode(frontier.Root()));
        }
    }

    [Fact]
    public void Append_ReportsReferenceTreeInteriorNodes()
    {
        var frontier = MerkleFrontier.Empty();
        var completed = new List<(NodeId Id, byte[] Hash)>();
        for (int i = 0; i < 8; i++)
        {
            frontier.Append(ReferenceTree.LeafHash(i), completed);
        }

        var expected = ReferenceTree.Nodes.Where(n => n.Key.Level > 0).OrderBy(n => n.Key.EndLeaf).ThenBy(n => n.Key.Level);
        Assert.Equal(expected.Select(n => (n.Key, n.Value)), completed.Select(c => (c.Id, Hex.Encode(c.Hash))));
    }

    [Fact]
    public void Root_MatchesNaiveRootForSizesUpTo300()
    {
        var leaves = NaiveMerkle.Leaves(300);
        var frontier = MerkleFrontier.Empty();
        for (int size = 0; size <= 300; size++)
        {
            Assert.Equal(NaiveMerkle.Root(leaves, 0, size), frontier.Root());
            Assert.Equal(size, frontier.Size);
            if (size < 300)
            {
                frontier.Append(leaves[size], null);
            }
        }
    }

    [Fact]
    public void Append_CompletesEveryPerfectNodeOnceWhenItsLastLeafArrives()
    {
        var leaves = NaiveMerkle.Leaves(300);
        var perfect = NaiveMerkle.PerfectNodes(leaves);
        var frontier = MerkleFrontier.Empty();
        var seen = new HashSet<NodeId>();
        for (int i = 0; i < leaves.Count; i++)
        {
            var completed = new List<(NodeId Id, byte[] Hash)>();
            frontier.Append(leaves[i], completed);
            var expected = perfect.Keys.Where(id => id.Level > 0 && id.EndLeaf == i + 1).OrderBy(id => id.Level).ToList();
            Assert.Equal(expected, completed.Select(c => c.Id).ToList());
            foreach (var (id, hash) in completed)
            {
                Assert.Equal(perfect[id], hash);
                Assert.True(seen.Add(id));
            }
        }

        Assert.Equal(perfect.Keys.Count(id => id.Level > 0), seen.Count);
    }

    [Fact]
    public void FromRightEdge_RestoresAFrontierThatKeepsGrowingCorrectly()
    {
        var leaves = NaiveMerkle.Leaves(100);
        var perfect = NaiveMerkle.PerfectNodes(leaves);
        for (int size = 0; size <= 60; size++)
        {
            var edge = MerkleFrontier.RightEdge(size);
            Assert.Equal(size, edge.Sum(id => id.LeafCount));
            Assert.True(edge.Zip(edge.Skip(1)).All(p => p.First.EndLeaf == p.Second.FirstLeaf));

            var frontier = MerkleFrontier.FromRightEdge(size, edge.Select(id => perfect[id]).ToList());
            Assert.Equal(edge.Select(id => perfect[id]), frontier.RightEdgeHashes());
            for (int i = size; i < 100; i++)
            {
                frontier.Append(leaves[i], null);
            }

            Assert.Equal(NaiveMerkle.Root(leaves, 0, 100), frontier.Root());
        }
    }

    [Fact]
    public void FromRightEdge_RejectsWrongHashCount() =>
        Assert.Throws<ArgumentException>(() => MerkleFrontier.FromRightEdge(3, [new byte[32]]));

    [Fact]
    public void Clone_IsIndependentOfTheOriginal()
    {
        var frontier = MerkleFrontier.Empty();
        frontier.Append(ReferenceTree.LeafHash(0), null);
        var copy = frontier.Clone();
        frontier.Append(ReferenceTree.LeafHash(1), null);
        Assert.Equal(1, copy.Size);
        Assert.Equal(ReferenceTree.Roots[1], Hex.Encode(copy.Root()));
        Assert.Equal(ReferenceTree.Roots[2], Hex.Encode(frontier.Root()));
    }

    [Fact]
    public void Append_RejectsHashOfWrongLength() =>
        Assert.Throws<ArgumentException>(() => MerkleFrontier.Empty().Append(new byte[31], null));
}
