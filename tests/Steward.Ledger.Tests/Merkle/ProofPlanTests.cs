using Steward.Ledger.Merkle;

namespace Steward.Ledger.Tests.Merkle;

public sealed class ProofPlanTests
{
    private static readonly List<byte[]> Leaves = NaiveMerkle.Leaves(64);
    private static readonly Dictionary<NodeId, byte[]> Nodes = NaiveMerkle.PerfectNodes(Leaves);

    [Fact]
    public void Inclusion_BuildsTheRfc9162PathForEveryIndexAndSizeUpTo64()
    {
        for (int size = 1; size <= 64; size++)
        {
            byte[] root = NaiveMerkle.Root(Leaves, 0, size);
            for (int index = 0; index < size; index++)
            {
                var plan = ProofPlan.Inclusion(index, size);
                AssertOnlyExistingNodes(plan, size);
                byte[][] proof = ProofPlan.Build(plan, Nodes);
                Assert.Equal(NaiveMerkle.Path(index, Leaves, 0, size), proof);
                Assert.True(MerkleVerifier.VerifyInclusion(index, size, Leaves[index], proof, root));
                Assert.Equal(root, MerkleVerifier.RootFromInclusionProof(index, size, Leaves[index], proof));
            }
        }
    }

    [Fact]
    public void Consistency_BuildsTheRfc9162ProofForEveryPairUpTo64()
    {
        for (int size = 1; size <= 64; size++)
        {
            byte[] root2 = NaiveMerkle.Root(Leaves, 0, size);
            for (int from = 1; from <= size; from++)
            {
                var plan = ProofPlan.Consistency(from, size);
                AssertOnlyExistingNodes(plan, size);
                byte[][] proof = ProofPlan.Build(plan, Nodes);
                Assert.Equal(NaiveMerkle.Proof(from, Leaves, size), proof);
                byte[] root1 = NaiveMerkle.Root(Leaves, 0, from);
                Assert.True(MerkleVerifier.VerifyConsistency(from, size, proof, root1, root2), $"{from} -> {size}");
                if (from < size)
                {
                    Assert.False(MerkleVerifier.VerifyConsistency(from, size, proof, root2, root1));
                }
            }
        }
    }

    [Fact]
    public void Consistency_IsEmptyFromZeroOrToTheSameSize()
    {
        Assert.Empty(ProofPlan.Consistency(0, 10));
        Assert.Empty(ProofPlan.Consistency(10, 10));
    }

    [Fact]
    public void Plans_RejectOutOfRangeArguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ProofPlan.Inclusion(5, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProofPlan.Inclusion(-1, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProofPlan.Consistency(6, 5));
    }

    [Fact]
    public void Distinct_ListsEachNeededNodeOnce()
    {
        var plan = ProofPlan.Inclusion(0, 1_000_003);
        var ids = ProofPlan.Distinct(plan).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(plan.SelectMany(e => e).ToHashSet(), ids.ToHashSet());
    }

    [Fact]
    public void Build_NamesTheMissingNode()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => ProofPlan.Build(ProofPlan.Inclusion(0, 2), new Dictionary<NodeId, byte[]>()));
        Assert.Contains("(0, 1)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inclusion_AtLargeSizesUsesOnlyNodesInsideTheTree()
    {
        foreach (long size in new[] { 1_000_000L, (1L << 40) + 12345, long.MaxValue })
        {
            foreach (long index in new[] { 0, size / 3, size - 1 })
            {
                AssertOnlyExistingNodes(ProofPlan.Inclusion(index, size), size);
            }

            AssertOnlyExistingNodes(ProofPlan.Consistency(size / 2 + 1, size), size);
        }
    }

    private static void AssertOnlyExistingNodes(IReadOnlyList<IReadOnlyList<NodeId>> plan, long size)
    {
        foreach (var element in plan)
        {
            Assert.NotEmpty(element);
            Assert.All(element, id => Assert.True(id.Index >= 0 && id.EndLeaf <= size, $"{id} outside tree of {size}"));
        }
    }
}
