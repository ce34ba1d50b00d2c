using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;

namespace Steward.Cli.Tests.Signing;

/// <summary>Verifies signatures the way the server is specified to, independently of the CLI's signing code.</summary>
internal static class KeyVerification
{
    public static byte[] ReadSpki(string publicPemFile)
    {
        var pem = File.ReadAllText(publicPemFile);
        var fields = PemEncoding.Find(pem);
        Assert.Equal("PUBLIC KEY", pem[fields.Label]);
        return Convert.FromBase64String(pem[fields.Base64Data]);
    }

    public static string KeyId(byte[] spki) => Convert.ToHexStringLower(SHA256.HashData(spki).AsSpan(0, 16));

    public static bool Verify(byte[] spki, byte[] data, byte[] signature)
    {
        if (PublicKeyFactory.CreateKey(spki) is Ed25519PublicKeyParameters ed25519)
        {
            Assert.Equal(64, signature.Length);
            var verifier = new Ed25519Signer();
            verifier.Init(forSigning: false, ed25519);
            verifier.BlockUpdate(data, 0, data.Length);
            return verifier.VerifySignature(signature);
        }

        using var ecdsa = ECDsa.Create();
        ecdsa.ImportSubjectPublicKeyInfo(spki, out _);
        Assert.Equal(256, ecdsa.KeySize);
        return ecdsa.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }
}
