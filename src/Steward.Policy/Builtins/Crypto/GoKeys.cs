using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using Steward.Policy.Values;

namespace Steward.Policy.Builtins;

/// <summary>
/// PEM blocks and private keys as Go reads them (encoding/pem, crypto/x509's PKCS #1, PKCS #8 and SEC 1 parsers),
/// and keys as the JSON encoding of Go's key structs, which is what OPA's key built-ins return: an RSA key is
/// <c>{N, E, D, Primes, Precomputed: {Dp, Dq, Qinv, CRTValues}}</c> (the public key's fields are embedded, so they sit
/// at the top), an ECDSA key <c>{Curve: {}, X, Y, D}</c> (the curve's fields are unexported); big integers are numbers.
/// </summary>
internal static class GoKeys
{
    private const string RsaOid = "1.2.840.113549.1.1.1";
    private const string EcOid = "1.2.840.10045.2.1";
    private const string Ed25519Oid = "1.3.101.112";

    /// <summary>The PEM blocks of a text in order, as (type, DER bytes); text around and between them is skipped.</summary>
    public static List<(string Type, byte[] Bytes)> Blocks(string text)
    {
        var blocks = new List<(string, byte[])>();
        var rest = text.AsSpan();
        while (PemEncoding.TryFind(rest, out var fields))
        {
            var base64 = rest[fields.Base64Data];
            var bytes = new byte[fields.DecodedDataLength];
            if (Convert.TryFromBase64Chars(base64, bytes, out var written))
            {
                blocks.Add((rest[fields.Label].ToString(), bytes[..written]));
            }

            rest = rest[fields.Location.End..];
        }

        return blocks;
    }

    /// <summary>A PKCS #1 RSA private key (Go's x509.ParsePKCS1PrivateKey), or null when the DER is not one.</summary>
    public static RSA? TryPkcs1(byte[] der)
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportRSAPrivateKey(der, out var read);
            if (read == der.Length)
            {
                return rsa;
            }
        }
        catch (CryptographicException)
        {
        }

        rsa.Dispose();
        return null;
    }

    /// <summary>A SEC 1 EC private key (Go's x509.ParseECPrivateKey), or null.</summary>
    public static ECDsa? TrySec1(byte[] der)
    {
        var ec = ECDsa.Create();
        try
        {
            ec.ImportECPrivateKey(der, out var read);
            if (read == der.Length)
            {
                return ec;
            }
        }
        catch (CryptographicException)
        {
        }

        ec.Dispose();
        return null;
    }

    /// <summary>A PKCS #8 private key (Go's x509.ParsePKCS8PrivateKey): RSA or ECDSA, else Go's error.</summary>
    public static AsymmetricAlgorithm Pkcs8(byte[] der)
    {
        string algorithm;
        try
        {
            var info = new AsnReader(der, AsnEncodingRules.BER).ReadSequence();
            info.ReadInteger();
            algorithm = info.ReadSequence().ReadObjectIdentifier();
        }
        catch (AsnContentException)
        {
            throw new BuiltinException(LooksLikePkcs1(der)
                ? "x509: failed to parse private key (use ParsePKCS1PrivateKey instead for this key format)"
                : TrySec1Quiet(der)
                    ? "x509: failed to parse private key (use ParseECPrivateKey instead for this key format)"
                    : "asn1: structure error: tags don't match");
        }

        try
        {
            switch (algorithm)
            {
                case RsaOid:
                {
                    var rsa = RSA.Create();
                    rsa.ImportPkcs8PrivateKey(der, out _);
                    return rsa;
                }

                case EcOid:
                {
                    var ec = ECDsa.Create();
                    ec.ImportPkcs8PrivateKey(der, out _);
                    return ec;
                }

                case Ed25519Oid:
                    return Ed25519Key.FromPkcs8(der);
                default:
                    throw new BuiltinException($"x509: PKCS#8 wrapping contained private key with unknown algorithm: {algorithm}");
            }
        }
        catch (CryptographicException)
        {
            throw new BuiltinException(algorithm == RsaOid ? "x509: failed to parse RSA private key embedded in PKCS#8" : "x509: failed to parse EC private key embedded in PKCS#8");
        }
    }

    /// <summary>The key of a PEM block of the given type, as Go's parser for that type reads it; errors are Go's.</summary>
    public static AsymmetricAlgorithm ParseBlock(string type, byte[] der) => type switch
    {
        "RSA PRIVATE KEY" => TryPkcs1(der) ?? throw new BuiltinException(Pkcs1Error(der)),
        "EC PRIVATE KEY" => TrySec1(der) ?? throw new BuiltinException("x509: failed to parse EC private key"),
        _ => Pkcs8(der),
    };

    /// <summary>
    /// The JSON form of a private key, as Go's encoding/json writes *rsa.PrivateKey and *ecdsa.PrivateKey (objects)
    /// and ed25519.PrivateKey (a byte slice, so base64 of seed and public key).
    /// </summary>
    public static Value PrivateKeyJson(AsymmetricAlgorithm key)
    {
        if (key is Ed25519Key ed)
        {
            return new StringValue(Convert.ToBase64String([.. ed.Seed, .. ed.PublicKey]));
        }

        var o = new ObjectBuilder();
        void Set(string name, Value value) => o.Set(new StringValue(name), value);
        switch (key)
        {
            case RSA rsa:
            {
                var p = rsa.ExportParameters(includePrivateParameters: true);
                Set("N", Big(p.Modulus));
                Set("E", Big(p.Exponent));
                Set("D", Big(p.D));
                Set("Primes", new ArrayValue([Big(p.P), Big(p.Q)]));
                var pre = new ObjectBuilder();
                pre.Set(new StringValue("Dp"), Big(p.DP));
                pre.Set(new StringValue("Dq"), Big(p.DQ));
                pre.Set(new StringValue("Qinv"), Big(p.InverseQ));
                pre.Set(new StringValue("CRTValues"), ArrayValue.Empty);
                Set("Precomputed", pre.Build());
                break;
            }

            case ECDsa ec:
            {
                var p = ec.ExportParameters(includePrivateParameters: true);
                Set("Curve", ObjectValue.Empty);
                Set("X", Big(p.Q.X));
                Set("Y", Big(p.Q.Y));
                Set("D", Big(p.D));
                break;
            }

            default:
                throw new BuiltinException("unsupported private key type");
        }

        return o.Build();
    }

    /// <summary>An unsigned big-endian integer as a number.</summary>
    public static NumberValue Big(byte[]? bytes) => NumberValue.Of(bytes is null ? BigInteger.Zero : new BigInteger(bytes, isUnsigned: true, isBigEndian: true));

    /// <summary>Base64 decoding as Go's StdEncoding, with its error text.</summary>
    public static byte[] Base64(string input) =>
        GoBase64.TryDecode(input, url: false, out var bytes, out var at) ? bytes : throw new BuiltinException($"illegal base64 data at input byte {at}");

    private static string Pkcs1Error(byte[] der) =>
        LooksLikePkcs8(der)
            ? "x509: failed to parse private key (use ParsePKCS8PrivateKey instead for this key format)"
            : TrySec1Quiet(der)
                ? "x509: failed to parse private key (use ParseECPrivateKey instead for this key format)"
                : "x509: failed to parse RSA private key";

    private static bool LooksLikePkcs8(byte[] der)
    {
        try
        {
            var info = new AsnReader(der, AsnEncodingRules.BER).ReadSequence();
            info.ReadInteger();
            info.ReadSequence();
            return true;
        }
        catch (AsnContentException)
        {
            return false;
        }
    }

    private static bool LooksLikePkcs1(byte[] der)
    {
        using var rsa = TryPkcs1(der);
        return rsa is not null;
    }

    private static bool TrySec1Quiet(byte[] der)
    {
        using var ec = TrySec1(der);
        return ec is not null;
    }
}

/// <summary>An Ed25519 private key (its 32-byte seed and the public key derived from it with BouncyCastle).</summary>
internal sealed class Ed25519Key : AsymmetricAlgorithm
{
    private Ed25519Key(byte[] seed, byte[] publicKey)
    {
        Seed = seed;
        PublicKey = publicKey;
    }

    public byte[] Seed { get; }

    public byte[] PublicKey { get; }

    /// <summary>The key of a PKCS #8 document whose algorithm is Ed25519 (RFC 8410: the seed in an inner OCTET STRING).</summary>
    public static Ed25519Key FromPkcs8(byte[] der)
    {
        try
        {
            var info = new AsnReader(der, AsnEncodingRules.BER).ReadSequence();
            info.ReadInteger();
            info.ReadSequence();
            var seed = new AsnReader(info.ReadOctetString(), AsnEncodingRules.BER).ReadOctetString();
            if (seed.Length != 32)
            {
                throw new BuiltinException("x509: invalid Ed25519 private key length: " + seed.Length);
            }

            var publicKey = new Org.BouncyCastle.Crypto.Parameters.Ed25519PrivateKeyParameters(seed, 0).GeneratePublicKey().GetEncoded();
            return new Ed25519Key(seed, publicKey);
        }
        catch (AsnContentException)
        {
            throw new BuiltinException("x509: invalid Ed25519 private key");
        }
    }
}
