using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Steward.Ledger.Notes;

namespace Steward.Ledger.Tests.Notes;

/// <summary>
/// Runs every vector of signed-note/vectors.json. Checks are chosen by the fields a vector carries, so vectors
/// not seen while writing this still get checked; each vector must trigger at least one check.
/// </summary>
public sealed class SignedNoteConformanceTests
{
    public static TheoryData<string> VectorIds => SignedNoteVectors.Ids;

    [Theory]
    [MemberData(nameof(VectorIds))]
    public void Vector_BehavesAsSpecified(string id)
    {
        var vector = SignedNoteVectors.Load(id);
        int checks = 0;
        checks += CheckSigning(vector);
        checks += CheckOpenWithVkey(vector);
        checks += CheckOpenMessage(vector);
        checks += KeyManglingChecks.Run(vector);
        checks += CheckSignErrors(vector);
        checks += CheckLookups(vector);
        checks += ParseOnlyChecks.Run(vector);
        Assert.True(checks > 0, $"vector {id} has no fields this test knows how to check");
    }

    private static int CheckSigning(JsonElement vector)
    {
        string? skey = vector.String("skey") ?? vector.String("skey_derived");
        string? text = vector.String("text");
        if (skey is null)
        {
            return 0;
        }

        var signer = NoteSigner.FromSkey(skey);
        Assert.Equal(skey, signer.ToSkey());
        if (vector.String("vkey") is { } vkey)
        {
            Assert.Equal(vkey, signer.VerifierKey);
        }

        if (vector.String("key_id") is { } keyId)
        {
            Assert.Equal(keyId, signer.KeyId.ToString("x8", CultureInfo.InvariantCulture));
        }

        if (text is null || vector.String("signed_note") is not { } signedNote)
        {
            return 1;
        }

        string ownLine = vector.Array("signature_lines").Select(l => l.GetString()!).Single(l => l.StartsWith($"\u2014 {signer.Name} ", StringComparison.Ordinal));
        Assert.Equal(text + "\n" + ownLine, SignedNote.Sign(text, signer));

        // Adding this signature to the note signed by the others reproduces the full note;
        // a stale signature by the same key is replaced.
        string others = string.Concat(vector.Array("signature_lines").Select(l => l.GetString()!).Where(l => l != ownLine));
        var existing = others.Length == 0 ? new OpenedNote(text, [], []) : SignedNote.Parse(Encoding.UTF8.GetBytes(text + "\n" + others));
        var stale = new NoteSignature(signer.Name, signer.KeyId, "BADSIGN=");
        Assert.Equal(signedNote, SignedNote.Sign(existing with { Unverified = [.. existing.Unverified, stale] }, signer));
        if (vector.String("signed_note_sha256") is { } sha)
        {
            Assert.Equal(sha, Hex.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(signedNote))));
        }

        return 1;
    }

    private static int CheckOpenWithVkey(JsonElement vector)
    {
        if (vector.String("vkey") is not { } vkey || vector.String("signed_note") is not { } signedNote
            || vector.TryGetProperty("verifiers", out _))
        {
            return 0;
        }

        var verifier = NoteVerifier.Parse(vkey);
        Assert.Equal(vkey, verifier.VerifierKey);
        if (vector.TryGetProperty("expect", out var expect) && expect.ValueKind == JsonValueKind.Object
            && expect.TryGetProperty("ok", out var ok) && !ok.GetBoolean())
        {
            var error = Assert.Throws<NoteException>(() => SignedNote.Open(signedNote, [verifier]));
            Assert.Equal(expect.String("error") ?? error.Message, error.Message);
            return 1;
        }

        var opened = SignedNote.Open(signedNote, [verifier]);
        Assert.Equal(vector.String("text") ?? opened.Text, opened.Text);
        Assert.Contains(opened.Verified, s => s.Name == verifier.Name && s.KeyId == verifier.KeyId);
        return 1;
    }

    private static int CheckOpenMessage(JsonElement vector)
    {
        byte[]? message = vector.String("message_b64") is { } messageBase64 ? Convert.FromBase64String(messageBase64)
            : vector.TryGetProperty("verifiers", out _) && (vector.String("message") ?? vector.String("signed_note")) is { } body ? Encoding.UTF8.GetBytes(body)
            : null;
        if (message is null || !vector.TryGetProperty("expect", out var expect) || !expect.TryGetProperty("ok", out var ok))
        {
            return 0;
        }

        var known = vector.Array("verifiers").Select(v => NoteVerifier.Parse(v.GetString()!)).ToList();
        if (ok.GetBoolean())
        {
            var opened = SignedNote.Open(message, known);
            if (expect.String("text") is { } text)
            {
                Assert.Equal(text, opened.Text);
            }

            AssertSignatures(expect, "sigs", opened.Verified);
            AssertSignatures(expect, "unverified_sigs", opened.Unverified);
        }
        else
        {
            var error = Assert.Throws<NoteException>(() => SignedNote.Open(message, known));
            Assert.Equal(expect.GetProperty("error").GetString(), error.Message);
            if (expect.TryGetProperty("note_unverified_sigs", out _))
            {
                Assert.NotNull(error.Note);
                AssertSignatures(expect, "note_unverified_sigs", error.Note.Unverified);
            }
        }

        return 1;
    }

    private static int CheckSignErrors(JsonElement vector)
    {
        int checks = 0;
        foreach (var testCase in vector.Array("cases"))
        {
            var existing = new List<NoteSignature>();
            if (testCase.TryGetProperty("existing_sig", out var sig))
            {
                uint keyId = sig.String("key_id") is { } hex ? uint.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture) : 0;
                existing.Add(new NoteSignature(sig.GetProperty("name").GetString()!, keyId, sig.GetProperty("base64").GetString()!));
            }

            var note = new OpenedNote(testCase.GetProperty("text").GetString()!, existing, []);
            var error = Assert.Throws<NoteException>(() => SignedNote.Sign(note));
            Assert.Equal(testCase.GetProperty("error").GetString(), error.Message);
            checks++;
        }

        return checks;
    }

    private static int CheckLookups(JsonElement vector)
    {
        int checks = 0;
        var list = new NoteVerifierList(vector.Array("verifiers").Select(v => NoteVerifier.Parse(v.GetString()!)));
        foreach (var lookup in vector.Array("lookups"))
        {
            string name = lookup.String("name_used") ?? lookup.GetProperty("name").GetString()!;
            uint keyId = uint.Parse(lookup.GetProperty("key_id").GetString()!, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            string expected = lookup.GetProperty("expect").GetString()!;
            if (expected.StartsWith("error: ", StringComparison.Ordinal))
            {
                var error = Assert.Throws<NoteException>(() => list.Get(name, keyId));
                Assert.StartsWith(error.Message, expected["error: ".Length..], StringComparison.Ordinal);
            }
            else
            {
                var verifier = list.Get(name, keyId);
                Assert.Equal(name, verifier.Name);
                Assert.Equal(keyId, verifier.KeyId);
            }

            checks++;
        }

        return checks;
    }

    internal static void AssertSignatures(JsonElement expect, string field, IReadOnlyList<NoteSignature> actual)
    {
        if (!expect.TryGetProperty(field, out var list))
        {
            return;
        }

        var expected = list.EnumerateArray().Select(s => (s.GetProperty("name").GetString(), s.GetProperty("key_id").GetString(), s.String("base64")));
        Assert.Equal(expected, actual.Select(s => ((string?)s.Name, (string?)s.KeyId.ToString("x8", CultureInfo.InvariantCulture), (string?)s.Base64)));
    }

    internal static uint ReadKeyId(byte[] raw) => BinaryPrimitives.ReadUInt32BigEndian(raw);
}
