using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Steward.Governance.Errors;

namespace Steward.Governance.Identity;

/// <summary>Parses actors' public keys (SPKI PEM) and verifies their signatures: Ed25519 or ECDSA P-256 (DER, SHA-256).</summary>
public static class PublicKeys
{
    /// <summary>Ed25519.</summary>
    public const string Ed25519 = "ed25519";
    /// <summary>ECDSA over NIST P-256 with SHA-256.</summary>
    public const string EcdsaP256 = "ecdsa-p256";

    /// <summary>Reads an SPKI PEM public key; returns its algorithm, DER bytes and key id.</summary>
    public static (string Alg, byte[] Der, string KeyId) Parse(string? pem)
    {
        if (string.IsNullOrWhiteSpace(pem))
            throw new ValidationFailedException("public_key", "is required (an SPKI PEM public key)");
        byte[] der;
        try
        {
            var fields = PemEncoding.Find(pem);
            if (pem[fields.Label] is not "PUBLIC KEY")
                throw new ValidationFailedException("public_key", "must be a PEM 'PUBLIC KEY' (SPKI), not a private key or certificate");
            der = Convert.FromBase64String(pem[fields.Base64Data]);
        }
        catch (ArgumentException)
        {
            throw new ValidationFailedException("public_key", "is not PEM");
        }
        var alg = AlgorithmOf(der) ?? throw new ValidationFailedException("public_key", "must be an Ed25519 or ECDSA P-256 public key");
        return (alg, der, KeyIdOf(der));
    }

    /// <summary>Key id of SPKI DER bytes.</summary>
    public static string KeyIdOf(ReadOnlySpan<byte> der) => Convert.ToHexStringLower(SHA256.HashData(der)[..16]);

    /// <summary>Verifies a signature over a message with an SPKI DER key.</summary>
    public static bool Verify(string alg, byte[] der, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (alg == Ed25519)
        {
            if (signature.Length != 64) return false;
            var verifier = new Ed25519Signer();
            verifier.Init(false, (Ed25519PublicKeyParameters)Org.BouncyCastle.Security.PublicKeyFactory.CreateKey(der));
            verifier.BlockUpdate(message);
            return verifier.VerifySignature(signature.ToArray());
        }
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportSubjectPublicKeyInfo(der, out _);
        return ecdsa.VerifyData(message, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }

    private static string? AlgorithmOf(byte[] der)
    {
        try
        {
            return Org.BouncyCastle.Security.PublicKeyFactory.CreateKey(der) switch
            {
                Ed25519PublicKeyParameters => Ed25519,
                ECPublicKeyParameters ec when ec.Parameters.Curve.FieldSize == 256 && IsP256(der) => EcdsaP256,
                _ => null,
            };
        }
#pragma warning disable CA1031 // any parse failure means "not a supported key"
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    private static bool IsP256(byte[] der)
    {
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportSubjectPublicKeyInfo(der, out _);
        return ecdsa.ExportParameters(false).Curve.Oid.Value == "1.2.840.10045.3.1.7";
    }
}
