using System.Security.Cryptography;

namespace Steward.Cli.Signing;

/// <summary>A private key an actor signs decisions with.</summary>
internal abstract class SigningKey : IDisposable
{
    /// <summary>The wire name of the algorithm: <c>ed25519</c> or <c>ecdsa-p256</c>.</summary>
    public abstract string Algorithm { get; }

    /// <summary>The DER SubjectPublicKeyInfo of the public key.</summary>
    public abstract byte[] PublicKeyInfo { get; }

    /// <summary>Lowercase hex of the first 16 bytes of SHA-256 over the SPKI DER.</summary>
    public string KeyId => KeyIds.For(PublicKeyInfo);

    /// <summary>The public key as SPKI PEM.</summary>
    public string PublicKeyPem => PemEncoding.WriteString("PUBLIC KEY", PublicKeyInfo) + "\n";

    /// <summary>The private key as unencrypted PKCS#8 PEM.</summary>
    public string PrivateKeyPem => PemEncoding.WriteString("PRIVATE KEY", ExportPkcs8()) + "\n";

    /// <summary>Signs <paramref name="data"/>: Ed25519 gives 64 raw bytes, ECDSA P-256 a DER signature over SHA-256.</summary>
    public abstract byte[] Sign(byte[] data);

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected abstract byte[] ExportPkcs8();

    protected virtual void Dispose(bool disposing)
    {
    }
}
