using Steward.Ledger.Merkle;

namespace Steward.Ledger.Tests.Merkle;

public sealed class MerkleVerifierTests
{
    [Fact]
    public void RootFromInclusionProof_ThrowsForIndexBeyondSize() =>
        Assert.Throws<MerkleProofException>(() => MerkleVerifier.RootFromInclusionProof(3, 3, new byte[32], []));

    [Fact]
    public void RootFromInclusionProof_ThrowsForWrongProofLength()
    {
        var error = Assert.Throws<MerkleProofException>(() => MerkleVerifier.RootFromInclusionProof(0, 4, new byte[32], [new byte[32]]));
        Assert.Equal("wrong proof size 1, want 2", error.Message);
    }

    [Fact]
    public void VerifyInclusion_RejectsNegativeArguments() =>
        Assert.False(MerkleVerifier.VerifyInclusion(-1, 1, new byte[32], [], new byte[32]));

    [Fact]
    public void VerifyInclusion_RejectsAProofForAnotherLeaf()
    {
        var leaves = NaiveMerkle.Leaves(10);
        var proof = NaiveMerkle.Path(3, leaves, 0, 10);
        byte[] root = NaiveMerkle.Root(leaves, 0, 10);
        Assert.True(MerkleVerifier.VerifyInclusion(3, 10, leaves[3], proof, root));
        Assert.False(MerkleVerifier.VerifyInclusion(3, 10, leaves[4], proof, root));
        Assert.False(MerkleVerifier.VerifyInclusion(2, 10, leaves[3], proof, root));
    }

    [Fact]
    public void VerifyConsistency_RejectsFromEmptyTree() =>
        Assert.False(MerkleVerifier.VerifyConsistency(0, 0, [], MerkleHash.EmptyRoot(), MerkleHash.EmptyRoot()));
}
