using System.Security.Cryptography;

namespace Steward.Cli.Signing;

/// <summary>An ECDSA P-256 private key.</summary>
internal sealed class P256SigningKey : SigningKey
{
    private const string P256Oid = "1.2.840.10045.3.1.7";
    private readonly ECDsa _key;

    private P256SigningKey(ECDsa key)
    {
        _key = key;
        PublicKeyInfo = key.ExportSubjectPublicKeyInfo();
    }

    public override string Algorithm => KeyAlgorithms.EcdsaP256;

    public override byte[] PublicKeyInfo { get; }

    public static P256SigningKey Generate() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256));

    /// <summary>Takes ownership of an imported key after checking its curve.</summary>
    public static P256SigningKey From(ECDsa key)
    {
        var curve = key.ExportParameters(includePrivateParameters: false).Curve;
        if (curve.Oid?.Value != P256Oid && curve.Oid?.FriendlyName is not ("nistP256" or "ECDSA_P256"))
        {
            key.Dispose();
            throw new Infrastructure.CliException("the EC key is not on curve P-256; only P-256 is accepted");
        }

        return new P256SigningKey(key);
    }

    public override byte[] Sign(byte[] data) =>
        _key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

    protected override byte[] ExportPkcs8() => _key.ExportPkcs8PrivateKey();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _key.Dispose();
        }

        base.Dispose(disposing);
    }
}
