using Org.BouncyCastle.Math.EC.Rfc8032;

namespace Steward.Ledger.Notes;

/// <summary>An Ed25519 verifier key of the signed-note format: <c>name+hexkeyid+base64(0x01 || public key)</c>.</summary>
public sealed class NoteVerifier
{
    private readonly byte[] _publicKey;

    private NoteVerifier(string name, uint keyId, byte[] publicKey)
    {
        Name = name;
        KeyId = keyId;
        _publicKey = publicKey;
    }

    /// <summary>Key name.</summary>
    public string Name { get; }

    /// <summary>Key ID: SHA-256(name || '\n' || 0x01 || public key)[:4], big-endian.</summary>
    public uint KeyId { get; }

    /// <summary>The verifier key in text form.</summary>
    public string VerifierKey => $"{NoteFormat.KeyLabel(Name, KeyId)}+{Convert.ToBase64String([NoteFormat.AlgorithmEd25519, .. _publicKey])}";

    /// <summary>The 32-byte Ed25519 public key.</summary>
    public ReadOnlySpan<byte> PublicKey => _publicKey;

    /// <summary>Parses a verifier key, checking its key ID and algorithm.</summary>
    /// <param name="vkey">The key, <c>name+hexkeyid+base64</c>.</param>
    /// <returns>The verifier.</returns>
    /// <exception cref="FormatException">When the key is malformed, its key ID does not match, or its algorithm is not Ed25519.</exception>
    public static NoteVerifier Parse(string vkey)
    {
        ArgumentNullException.ThrowIfNull(vkey);
        var (name, rest) = NoteFormat.Chop(vkey, '+');
        var (hex, key64) = NoteFormat.Chop(rest, '+');
        if (!NoteFormat.TryParseKeyId(hex, out uint keyId) || !NoteFormat.TryDecodeBase64(key64, out byte[] key)
            || !NoteFormat.IsValidName(name) || key.Length == 0)
        {
            throw new FormatException("malformed verifier id");
        }

        if (keyId != NoteFormat.KeyId(name, key))
        {
            throw new FormatException("invalid verifier hash");
        }

        if (key[0] != NoteFormat.AlgorithmEd25519)
        {
            throw new FormatException("unknown verifier algorithm");
        }

        if (key.Length != 1 + Ed25519.PublicKeySize)
        {
            throw new FormatException("malformed verifier id");
        }

        return new NoteVerifier(name, keyId, key[1..]);
    }

    /// <summary>Parses a verifier key without throwing.</summary>
    /// <param name="vkey">The key text.</param>
    /// <param name="verifier">The verifier, when parsing succeeded.</param>
    /// <returns>True when the key is valid.</returns>
    public static bool TryParse(string vkey, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out NoteVerifier? verifier)
    {
        try
        {
            verifier = Parse(vkey);
            return true;
        }
        catch (FormatException)
        {
            verifier = null;
            return false;
        }
    }

    /// <summary>Checks an Ed25519 signature over <paramref name="message"/>.</summary>
    /// <param name="message">The signed bytes (the note text).</param>
    /// <param name="signature">The 64-byte signature, without the key ID.</param>
    /// <returns>True when the signature is valid for this key.</returns>
    public bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        signature.Length == Ed25519.SignatureSize && Ed25519.Verify(signature.ToArray(), 0, _publicKey, 0, message.ToArray(), 0, message.Length);

    internal static NoteVerifier FromPublicKey(string name, byte[] publicKey) =>
        new(name, NoteFormat.KeyId(name, [NoteFormat.AlgorithmEd25519, .. publicKey]), publicKey);
}
