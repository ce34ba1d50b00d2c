using Steward.Ledger.Merkle;
using Steward.Ledger.Notes;

namespace Steward.Ledger.Tests.Notes;

public sealed class CheckpointTests
{
    private const string Root = "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=";

    [Fact]
    public void ToNoteText_RoundTripsThroughParse()
    {
        var checkpoint = new Checkpoint("log.example", 42, MerkleHash.HashLeaf("x"u8), ["ext one"]);
        var parsed = Checkpoint.Parse(checkpoint.ToNoteText());
        Assert.Equal(checkpoint.Origin, parsed.Origin);
        Assert.Equal(42, parsed.Size);
        Assert.Equal(checkpoint.RootHash, parsed.RootHash);
        Assert.Equal(["ext one"], parsed.Extensions);
    }

    [Theory]
    [InlineData("log\n0\n" + Root + "\n", 0)]
    [InlineData("log\n9223372036854775807\n" + Root + "\n", long.MaxValue)]
    public void Parse_AcceptsValidSizes(string text, long size) => Assert.Equal(size, Checkpoint.Parse(text).Size);

    [Theory]
    [InlineData("log\n5\n" + Root)]
    [InlineData("log\n5\n")]
    [InlineData("log\n05\n" + Root + "\n")]
    [InlineData("log\n+5\n" + Root + "\n")]
    [InlineData("log\n-5\n" + Root + "\n")]
    [InlineData("log\n 5\n" + Root + "\n")]
    [InlineData("log\n9223372036854775808\n" + Root + "\n")]
    [InlineData("\n5\n" + Root + "\n")]
    [InlineData("log\n5\n" + Root + "\n\n")]
    [InlineData("log\n5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I\n")]
    [InlineData("log\n5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2J=\n")]
    [InlineData("log\n5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=AAAA\n")]
    [InlineData("log\n5\nCsUYapGGPo4dkMgIAUqom /Xajj7h2fB2MPA3j2jxq2I=\n")]
    public void Parse_RejectsMalformedText(string text)
    {
        Assert.Throws<FormatException>(() => Checkpoint.Parse(text));
        Assert.False(Checkpoint.TryParse(text, out _));
    }

    [Fact]
    public void Open_ChecksSignatureAndOrigin()
    {
        var key = NoteSigner.Generate("log.example");
        string signed = new Checkpoint("log.example", 3, MerkleHash.EmptyRoot()).Sign(key);
        Assert.Equal(3, Checkpoint.Open(signed, key.Verifier, "log.example").Size);
        Assert.Throws<FormatException>(() => Checkpoint.Open(signed, key.Verifier, "other.example"));
        Assert.Throws<NoteException>(() => Checkpoint.Open(signed, NoteSigner.Generate("log.example").Verifier));
    }

    [Fact]
    public void ToNoteText_RejectsInvalidFields()
    {
        Assert.Throws<InvalidOperationException>(() => new Checkpoint("a\nb", 1, new byte[32]).ToNoteText());
        Assert.Throws<InvalidOperationException>(() => new Checkpoint("log", 1, new byte[31]).ToNoteText());
        Assert.Throws<InvalidOperationException>(() => new Checkpoint("log", 1, new byte[32], [""]).ToNoteText());
    }
}
