using System.Text;
using Steward.Ledger.Notes;

namespace Steward.Ledger.Tests.Notes;

public sealed class NoteKeyTests
{
    [Fact]
    public void Generate_GivesAKeyThatRoundTripsThroughItsTextForms()
    {
        var signer = NoteSigner.Generate("steward.example/log");
        var restored = NoteSigner.FromSkey(signer.ToSkey());
        var verifier = NoteVerifier.Parse(signer.VerifierKey);
        Assert.Equal(signer.VerifierKey, restored.VerifierKey);
        Assert.Equal(signer.KeyId, verifier.KeyId);
        Assert.Equal("steward.example/log", verifier.Name);

        byte[] message = "hello\n"u8.ToArray();
        byte[] signature = restored.Sign(message);
        Assert.True(verifier.Verify(message, signature));
        Assert.False(verifier.Verify("hellO\n"u8, signature));
        Assert.False(verifier.Verify(message, signature.AsSpan(1)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a b")]
    [InlineData("a+b")]
    [InlineData("a\u00a0b")]
    public void Generate_RejectsInvalidNames(string name) => Assert.Throws<ArgumentException>(() => NoteSigner.Generate(name));

    [Fact]
    public void Open_RejectsASignatureFromAnotherKeyWithTheSameName()
    {
        var real = NoteSigner.Generate("log");
        var impostor = NoteSigner.Generate("log");
        string note = SignedNote.Sign("text\n", impostor);
        var error = Assert.Throws<NoteException>(() => SignedNote.Open(note, [real.Verifier]));
        Assert.Equal("note has no verifiable signatures", error.Message);
        Assert.Single(error.Note!.Unverified);
    }

    [Fact]
    public void Sign_RejectsTextWithControlCharacters() =>
        Assert.Equal("malformed note", Assert.Throws<NoteException>(() => SignedNote.Sign("a\tb\n", NoteSigner.Generate("k"))).Message);

    [Fact]
    public void Open_AcceptsSixteenSignaturesAndKeepsTheirOrder()
    {
        var signers = Enumerable.Range(0, 16).Select(i => NoteSigner.Generate($"w{i}")).ToArray();
        string note = SignedNote.Sign("body\n", signers);
        var opened = SignedNote.Open(Encoding.UTF8.GetBytes(note), signers.Select(s => s.Verifier).ToList());
        Assert.Equal(signers.Select(s => s.Name), opened.Verified.Select(s => s.Name));
    }

    [Fact]
    public void Cosignature_VerifiesWithTheCosignerKeyOnly()
    {
        var witness = NoteSigner.Generate("witness.example/w1");
        const string Text = "log.example\n5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
        var line = Cosignature.Create(witness, Text, 1_700_000_000);
        Assert.Equal(1_700_000_000UL, Cosignature.Timestamp(line));
        Assert.True(Cosignature.Verify(line, Text, Cosignature.VerifierKey(witness)));
        Assert.False(Cosignature.Verify(line, Text.Replace("5", "6", StringComparison.Ordinal), Cosignature.VerifierKey(witness)));
        Assert.False(Cosignature.Verify(line, Text, witness.VerifierKey));
    }
}
