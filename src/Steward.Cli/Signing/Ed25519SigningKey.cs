using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace Steward.Cli.Signing;

/// <summary>An Ed25519 private key (BouncyCastle: the base library has no Ed25519).</summary>
internal sealed class Ed25519SigningKey(Ed25519PrivateKeyParameters privateKey) : SigningKey
{
    public override string Algorithm => KeyAlgorithms.Ed25519;

    public override byte[] PublicKeyInfo { get; } =
        SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(privateKey.GeneratePublicKey()).GetEncoded();

    public static Ed25519SigningKey Generate() => new(new Ed25519PrivateKeyParameters(new SecureRandom()));

    public override byte[] Sign(byte[] data)
    {
        var signer = new Ed25519Signer();
        signer.Init(forSigning: true, privateKey);
        signer.BlockUpdate(data, 0, data.Length);
        return signer.GenerateSignature();
    }

    protected override byte[] ExportPkcs8() => PrivateKeyInfoFactory.CreatePrivateKeyInfo(privateKey).GetEncoded();
}
