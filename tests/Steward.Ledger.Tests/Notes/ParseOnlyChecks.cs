using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Steward.Ledger.Notes;

namespace Steward.Ledger.Tests.Notes;

/// <summary>Vectors without a public key: parse the note, its signature lines and (when it is one) the checkpoint.</summary>
internal static class ParseOnlyChecks
{
    public static int Run(JsonElement vector)
    {
        if (!vector.TryGetProperty("expect", out var expect) || expect.ValueKind != JsonValueKind.Object || vector.String("message_b64") is not null
            || vector.TryGetProperty("verifiers", out _) || expect.TryGetProperty("ok", out _))
        {
            return 0;
        }

        int checks = 0;
        string? signedNote = vector.String("signed_note");
        if (signedNote is null && vector.Array("signature_lines").Any())
        {
            signedNote = (vector.String("text") ?? "placeholder\n") + "\n" + string.Concat(vector.Array("signature_lines").Select(l => l.GetString()));
        }

        if (signedNote is null)
        {
            return 0;
        }

        var note = SignedNote.Parse(Encoding.UTF8.GetBytes(signedNote));
        if (expect.String("text") is { } text)
        {
            Assert.Equal(text, note.Text);
            checks++;
        }

        var parsed = expect.Array("sigs_parsed").ToList();
        if (expect.String("key_id") is not null)
        {
            parsed.Add(expect);
        }

        Assert.Equal(parsed.Count, note.Unverified.Count);
        for (int i = 0; i < parsed.Count; i++)
        {
            var signature = note.Unverified[i];
            byte[] raw = Convert.FromBase64String(signature.Base64);
            Assert.Equal(parsed[i].String("key_id"), signature.KeyId.ToString("x8", CultureInfo.InvariantCulture));
            Assert.Equal(parsed[i].GetProperty("signature_bytes").GetInt32(), raw.Length);
            if (parsed[i].String("name") is { } name)
            {
                Assert.Equal(name, signature.Name);
            }

            if (parsed[i].TryGetProperty("cosignature_timestamp", out var timestamp))
            {
                Assert.Equal(timestamp.GetUInt64(), Cosignature.Timestamp(signature));
                Assert.Equal(timestamp.GetUInt64(), BinaryPrimitives.ReadUInt64BigEndian(raw.AsSpan(4)));
                if (expect.String("cosignature_v1_signed_message_example") is { } message)
                {
                    Assert.Equal(message, Encoding.UTF8.GetString(Cosignature.SignedMessage(note.Text, timestamp.GetUInt64())));
                }
            }

            checks++;
        }

        if (expect.String("origin") is { } origin)
        {
            var checkpoint = Checkpoint.Parse(note.Text);
            Assert.Equal(origin, checkpoint.Origin);
            Assert.Equal(expect.GetProperty("tree_size").GetInt64(), checkpoint.Size);
            Assert.Equal(expect.String("root_hash_hex"), Hex.Encode(checkpoint.RootHash));
            Assert.Equal(expect.Array("extension_lines").Select(l => l.GetString()!), checkpoint.Extensions);
            Assert.Equal(note.Text, checkpoint.ToNoteText());
            checks++;
        }

        return checks;
    }
}
