using System.Text;
using Steward.Ledger.Merkle;

namespace Steward.Ledger.Tests.Merkle;

public sealed class MerkleHashTests
{
    [Fact]
    public void EmptyRoot_IsSha256OfEmptyString() =>
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Hex.Encode(MerkleHash.EmptyRoot()));

    [Theory]
    [InlineData("", "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d")]
    [InlineData("L123456", "395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56")]
    public void HashLeaf_MatchesRfc6962KnownAnswers(string data, string expected)
    {
        Assert.Equal(expected, Hex.Encode(MerkleHash.HashLeaf(Encoding.ASCII.GetBytes(data))));
        Span<byte> destination = stackalloc byte[MerkleHash.Size];
        MerkleHash.HashLeaf(Encoding.ASCII.GetBytes(data), destination);
        Assert.Equal(expected, Hex.Encode(destination));
    }

    [Fact]
    public void HashChildren_MatchesRfc6962KnownAnswer()
    {
        const string Expected = "aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb";
        Assert.Equal(Expected, Hex.Encode(MerkleHash.HashChildren("N123"u8, "N456"u8)));
    }

    [Fact]
    public void HashChildren_AllowsDestinationToOverlapInput()
    {
        byte[] left = MerkleHash.HashLeaf("a"u8);
        byte[] right = MerkleHash.HashLeaf("b"u8);
        byte[] expected = MerkleHash.HashChildren(left, right);
        MerkleHash.HashChildren(left, right, right);
        Assert.Equal(expected, right);
    }

    [Fact]
    public void HashLeaf_HandlesDataLargerThanTheStackBuffer()
    {
        byte[] data = new byte[5000];
        data[4999] = 1;
        byte[] prefixed = [0, .. data];
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(prefixed), MerkleHash.HashLeaf(data));
    }

    [Fact]
    public void Hashes_SeparateLeavesFromNodesAndOrder()
    {
        byte[] h1 = MerkleHash.HashLeaf("Hello"u8);
        byte[] h2 = MerkleHash.HashLeaf("World"u8);
        Assert.NotEqual(h1, h2);
        Assert.NotEqual(MerkleHash.HashChildren(h1, h2), MerkleHash.HashLeaf([.. h1, .. h2]));
        Assert.NotEqual(MerkleHash.HashChildren(h1, h2), MerkleHash.HashChildren(h2, h1));
    }
}
