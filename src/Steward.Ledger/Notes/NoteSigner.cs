using System.Security.Cryptography;
using Org.BouncyCastle.Math.EC.Rfc8032;

namespace Steward.Ledger.Notes;

/// <summary>
/// An Ed25519 signing key of the signed-note format, kept as
/// <c>PRIVATE+KEY+name+hexkeyid+base64(0x01 || 32-byte seed)</c> (the golang.org/x/mod/sumdb/note skey form).
/// </summary>
public sealed class NoteSigner
{
    private readonly byte[] _seed;
    private readonly NoteVerifier _verifier;

    private NoteSigner(string name, byte[] seed)
    {
        _seed = seed;
        byte[] publicKey = new byte[Ed25519.PublicKeySize];
        Ed25519.GeneratePublicKey(seed, 0, publicKey, 0);
        _verifier = NoteVerifier.FromPublicKey(name, publicKey);
    }

    /// <summary>Key name.</summary>
    public string Name => _verifier.Name;

    /// <summary>Key ID: SHA-256(name || '\n' || 0x01 || public key)[:4], big-endian.</summary>
    public uint KeyId => _verifier.KeyId;

    /// <summary>The matching verifier key, <c>name+hexkeyid+base64(0x01 || public key)</c>.</summary>
    public string VerifierKey => _verifier.VerifierKey;

    /// <summary>The matching verifier.</summary>
    public NoteVerifier Verifier => _verifier;

    /// <summary>Generates a new random key.</summary>
    /// <param name="name">Key name: non-empty, no white space, no '+' (a schema-less URL is recommended).</param>
    /// <returns>The signer.</returns>
    public static NoteSigner Generate(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!NoteFormat.IsValidName(name))
        {
            throw new ArgumentException("Key names must be non-empty and hold no white space and no '+'.", nameof(name));
        }

        return new NoteSigner(name, RandomNumberGenerator.GetBytes(Ed25519.SecretKeySize));
    }

    /// <summary>Parses a signer key in the golang.org/x/mod/sumdb/note skey form.</summary>
    /// <param name="skey">The key text.</param>
    /// <returns>The signer.</returns>
    /// <exception cref="FormatException">When the key is malformed, not Ed25519, or its key ID does not match.</exception>
    public static NoteSigner FromSkey(string skey)
    {
        ArgumentNullException.ThrowIfNull(skey);
        var (private1, rest1) = NoteFormat.Chop(skey, '+');
        var (private2, rest2) = NoteFormat.Chop(rest1, '+');
        var (name, rest3) = NoteFormat.Chop(rest2, '+');
        var (hex, key64) = NoteFormat.Chop(rest3, '+');
        if (private1 != "PRIVATE" || private2 != "KEY" || !NoteFormat.TryParseKeyId(hex, out uint keyId)
            || !NoteFormat.TryDecodeBase64(key64, out byte[] key) || !NoteFormat.IsValidName(name) || key.Length == 0)
        {
            throw new FormatException("malformed signer id");
        }

        if (key[0] != NoteFormat.AlgorithmEd25519)
        {
            throw new FormatException("unknown signer algorithm");
        }

        if (key.Length != 1 + Ed25519.SecretKeySize)
        {
            throw new FormatException("malformed signer id");
        }

        var signer = new NoteSigner(name, key[1..]);
        return signer.KeyId == keyId ? signer : throw new FormatException("invalid signer hash");
    }

    /// <summary>The signer key text; treat it as a secret.</summary>
    /// <returns><c>PRIVATE+KEY+name+hexkeyid+base64(0x01 || seed)</c>.</returns>
    public string ToSkey() =>
        $"PRIVATE+KEY+{NoteFormat.KeyLabel(Name, KeyId)}+{Convert.ToBase64String([NoteFormat.AlgorithmEd25519, .. _seed])}";

    /// <summary>Signs <paramref name="message"/> with Ed25519.</summary>
    /// <param name="message">The bytes to sign (for a note, its text).</param>
    /// <returns>The 64-byte signature.</returns>
    public byte[] Sign(ReadOnlySpan<byte> message)
    {
        byte[] signature = new byte[Ed25519.SignatureSize];
        byte[] data = message.ToArray();
        Ed25519.Sign(_seed, 0, _verifier.PublicKey.ToArray(), 0, data, 0, data.Length, signature, 0);
        return signature;
    }
}
