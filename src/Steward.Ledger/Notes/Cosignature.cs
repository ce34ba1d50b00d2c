using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Org.BouncyCastle.Math.EC.Rfc8032;

namespace Steward.Ledger.Notes;

/// <summary>
/// Timestamped Ed25519 checkpoint cosignatures (c2sp.org/tlog-cosignature, signature type 0x04): the signature line
/// carries keyid || u64 timestamp || Ed25519 signature over
/// <c>"cosignature/v1\ntime " || timestamp || "\n" || checkpoint text</c>.
/// </summary>
public static class Cosignature
{
    private const int Length = 4 + 8 + 64;

    /// <summary>The bytes a cosigner signs for <paramref name="checkpointText"/> at <paramref name="timestamp"/>.</summary>
    /// <param name="checkpointText">The checkpoint note text, including its final newline.</param>
    /// <param name="timestamp">POSIX seconds.</param>
    /// <returns>The UTF-8 message.</returns>
    public static byte[] SignedMessage(string checkpointText, ulong timestamp)
    {
        ArgumentNullException.ThrowIfNull(checkpointText);
        return Encoding.UTF8.GetBytes($"cosignature/v1\ntime {timestamp.ToString(CultureInfo.InvariantCulture)}\n{checkpointText}");
    }

    /// <summary>The timestamp inside a cosignature line.</summary>
    /// <param name="signature">A type 0x04 signature line.</param>
    /// <returns>POSIX seconds.</returns>
    /// <exception cref="NoteException">"malformed note" when the line is not 76 bytes of base64.</exception>
    public static ulong Timestamp(NoteSignature signature) => BinaryPrimitives.ReadUInt64BigEndian(Decode(signature).AsSpan(4, 8));

    /// <summary>The verifier key of the cosigner <paramref name="signer"/>: <c>name+hexkeyid+base64(0x04 || public key)</c>.</summary>
    /// <param name="signer">The Ed25519 key.</param>
    /// <returns>The cosigner verifier key.</returns>
    public static string VerifierKey(NoteSigner signer)
    {
        ArgumentNullException.ThrowIfNull(signer);
        byte[] key = [NoteFormat.AlgorithmCosignatureV1, .. signer.Verifier.PublicKey];
        return $"{NoteFormat.KeyLabel(signer.Name, NoteFormat.KeyId(signer.Name, key))}+{Convert.ToBase64String(key)}";
    }

    /// <summary>Cosigns a checkpoint.</summary>
    /// <param name="signer">The cosigner's Ed25519 key (its key ID is recomputed for type 0x04).</param>
    /// <param name="checkpointText">The checkpoint note text.</param>
    /// <param name="timestamp">POSIX seconds, from the caller's TimeProvider.</param>
    /// <returns>The signature line content.</returns>
    public static NoteSignature Create(NoteSigner signer, string checkpointText, ulong timestamp)
    {
        ArgumentNullException.ThrowIfNull(signer);
        uint keyId = NoteFormat.KeyId(signer.Name, [NoteFormat.AlgorithmCosignatureV1, .. signer.Verifier.PublicKey]);
        byte[] raw = new byte[Length];
        BinaryPrimitives.WriteUInt32BigEndian(raw, keyId);
        BinaryPrimitives.WriteUInt64BigEndian(raw.AsSpan(4), timestamp);
        signer.Sign(SignedMessage(checkpointText, timestamp)).CopyTo(raw, 12);
        return new NoteSignature(signer.Name, keyId, Convert.ToBase64String(raw));
    }

    /// <summary>Verifies a cosignature line against a cosigner verifier key (type 0x04).</summary>
    /// <param name="signature">The signature line.</param>
    /// <param name="checkpointText">The checkpoint note text.</param>
    /// <param name="vkey">The cosigner key, <c>name+hexkeyid+base64(0x04 || public key)</c>.</param>
    /// <returns>True when the key matches the line and the signature is valid.</returns>
    public static bool Verify(NoteSignature signature, string checkpointText, string vkey)
    {
        ArgumentNullException.ThrowIfNull(signature);
        ArgumentNullException.ThrowIfNull(vkey);
        var (name, rest) = NoteFormat.Chop(vkey, '+');
        var (hex, key64) = NoteFormat.Chop(rest, '+');
        if (!NoteFormat.TryParseKeyId(hex, out uint keyId) || !NoteFormat.TryDecodeBase64(key64, out byte[] key)
            || key.Length != 1 + Ed25519.PublicKeySize || key[0] != NoteFormat.AlgorithmCosignatureV1
            || keyId != NoteFormat.KeyId(name, key) || signature.Name != name || signature.KeyId != keyId
            || !NoteFormat.TryDecodeBase64(signature.Base64, out byte[] raw) || raw.Length != Length)
        {
            return false;
        }

        byte[] message = SignedMessage(checkpointText, BinaryPrimitives.ReadUInt64BigEndian(raw.AsSpan(4)));
        return Ed25519.Verify(raw, 12, key, 1, message, 0, message.Length);
    }

    private static byte[] Decode(NoteSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        return NoteFormat.TryDecodeBase64(signature.Base64, out byte[] raw) && raw.Length == Length ? raw : throw NoteException.Malformed();
    }
}
