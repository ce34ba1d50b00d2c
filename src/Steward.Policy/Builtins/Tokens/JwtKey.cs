using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Steward.Policy.Values;

namespace Steward.Policy.Builtins;

/// <summary>A key for JWS: RSA, EC or an HMAC secret, with the JWK's alg and kid when it came from one.</summary>
internal sealed class JwtKey
{
    private static readonly HashSet<string> KnownAlgorithms =
        ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "HS256", "HS384", "HS512", "EdDSA"];

    private JwtKey(RSA? rsa, ECDsa? ec, byte[]? secret, string alg, string kid, byte[]? ed25519Public = null, byte[]? ed25519Private = null)
    {
        Ed25519Public = ed25519Public;
        Ed25519Private = ed25519Private;
        Rsa = rsa;
        Ec = ec;
        Secret = secret;
        Alg = alg;
        Kid = kid;
    }

    public RSA? Rsa { get; }

    public ECDsa? Ec { get; }

    public byte[]? Secret { get; }

    public string Alg { get; }

    /// <summary>A raw 32-byte Ed25519 public key.</summary>
    public byte[]? Ed25519Public { get; }

    /// <summary>A raw 32-byte Ed25519 private key (seed).</summary>
    public byte[]? Ed25519Private { get; }

    public string Kid { get; }

    public static JwtKey FromSecret(string secret) => new(null, null, Encoding.UTF8.GetBytes(secret), string.Empty, string.Empty);

    /// <summary>OPA's getKeysFromCertOrJWK: a PEM certificate or public key, or a JWK / JWK set.</summary>
    public static List<JwtKey> Parse(string text)
    {
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith("-----BEGIN", StringComparison.Ordinal))
        {
            return [FromPem(trimmed)];
        }

        Value json;
        try
        {
            json = ValueJson.Parse(text);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new BuiltinException($"failed to parse a JWK key (set): {e.Message}");
        }

        if (json is not ObjectValue obj)
        {
            throw new BuiltinException("failed to parse a JWK key (set): invalid JWK");
        }

        var list = new List<JwtKey>();
        if (obj.Get("keys") is ArrayValue keys)
        {
            foreach (var k in keys.Items)
            {
                if (k is ObjectValue ko && FromJwk(ko, privateKey: false) is { } key && (key.Alg.Length == 0 || KnownAlgorithms.Contains(key.Alg)))
                {
                    list.Add(key);
                }
            }
        }
        else if (FromJwk(obj, privateKey: false) is { } key && (key.Alg.Length == 0 || KnownAlgorithms.Contains(key.Alg)))
        {
            list.Add(key);
        }

        return list;
    }

    private static JwtKey FromPem(string text)
    {
        var fields = PemEncoding.Find(text);
        var label = text[fields.Label];
        var rest = text[fields.Location.End..];
        if (rest.Trim().Length > 0)
        {
            throw new BuiltinException("extra data after a PEM certificate block");
        }

        var der = Convert.FromBase64String(text[fields.Base64Data]);
        try
        {
            switch (label)
            {
                case "CERTIFICATE":
                    var cert = X509CertificateLoader.LoadCertificate(der);
                    if (cert.PublicKey.Oid.Value == Ed25519Oid)
                    {
                        return new JwtKey(null, null, null, string.Empty, string.Empty, cert.PublicKey.EncodedKeyValue.RawData);
                    }

                    return new JwtKey(cert.GetRSAPublicKey(), cert.GetECDsaPublicKey(), null, string.Empty, string.Empty);
                case "PUBLIC KEY":
                    if (TryImport(der, out RSA? rsa))
                    {
                        return new JwtKey(rsa, null, null, string.Empty, string.Empty);
                    }

                    if (TryImport(der, out ECDsa? ec))
                    {
                        return new JwtKey(null, ec, null, string.Empty, string.Empty);
                    }

                    if (TryImportEd25519(der) is { } ed)
                    {
                        return new JwtKey(null, null, null, string.Empty, string.Empty, ed);
                    }

                    throw new BuiltinException("failed to parse a PEM public key: unsupported key type");
                default:
                    throw new BuiltinException("failed to extract a Key from the PEM certificate");
            }
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException or InvalidOperationException or IOException)
        {
            throw new BuiltinException($"failed to parse a PEM certificate: {e.Message}");
        }
    }

    private const string Ed25519Oid = "1.3.101.112";

    private static byte[]? TryImportEd25519(byte[] der)
    {
        try
        {
            return Org.BouncyCastle.Security.PublicKeyFactory.CreateKey(der) is Org.BouncyCastle.Crypto.Parameters.Ed25519PublicKeyParameters ed ? ed.GetEncoded() : null;
        }
#pragma warning disable CA1031 // BouncyCastle reports unsupported keys with several exception types; any of them means "not Ed25519".
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    private static bool TryImport(byte[] der, out RSA? rsa)
    {
        rsa = RSA.Create();
        try
        {
            rsa.ImportSubjectPublicKeyInfo(der, out _);
            return true;
        }
        catch (CryptographicException)
        {
            rsa.Dispose();
            rsa = null;
            return false;
        }
    }

    private static bool TryImport(byte[] der, out ECDsa? ec)
    {
        ec = ECDsa.Create();
        try
        {
            ec.ImportSubjectPublicKeyInfo(der, out _);
            return true;
        }
        catch (CryptographicException)
        {
            ec.Dispose();
            ec = null;
            return false;
        }
    }

    /// <summary>A key from one JWK; private parts are imported when present and asked for.</summary>
    public static JwtKey? FromJwk(ObjectValue jwk, bool privateKey)
    {
        string S(string name) => jwk.Get(name) is StringValue s ? s.Value : string.Empty;
        byte[]? B(string name) => jwk.Get(name) is StringValue s && GoBase64.TryDecode(Pad(s.Value), url: true, out var bytes, out _) ? bytes : null;
        var alg = S("alg");
        var kid = S("kid");
        try
        {
            switch (S("kty"))
            {
                case "RSA":
                    var parameters = new RSAParameters { Modulus = B("n"), Exponent = B("e") };
                    if (privateKey && B("d") is { } d)
                    {
                        parameters.D = d;
                        parameters.P = B("p");
                        parameters.Q = B("q");
                        parameters.DP = B("dp");
                        parameters.DQ = B("dq");
                        parameters.InverseQ = B("qi");
                    }

                    return new JwtKey(RSA.Create(parameters), null, null, alg, kid);
                case "EC":
                    var curve = S("crv") switch
                    {
                        "P-256" => ECCurve.NamedCurves.nistP256,
                        "P-384" => ECCurve.NamedCurves.nistP384,
                        "P-521" => ECCurve.NamedCurves.nistP521,
                        var other => throw new BuiltinException($"unsupported curve {other}"),
                    };
                    var ecParameters = new ECParameters { Curve = curve, Q = new ECPoint { X = B("x"), Y = B("y") } };
                    if (privateKey && B("d") is { } ed)
                    {
                        ecParameters.D = ed;
                    }

                    return new JwtKey(null, ECDsa.Create(ecParameters), null, alg, kid);
                case "oct":
                    return new JwtKey(null, null, B("k") ?? [], alg, kid);
                case "OKP" when S("crv") == "Ed25519":
                    return new JwtKey(null, null, null, alg, kid, B("x"), privateKey ? B("d") : null);
                default:
                    return null;
            }
        }
        catch (CryptographicException e)
        {
            throw new BuiltinException($"failed to parse a JWK key (set): {e.Message}");
        }
    }

    private static string Pad(string s) => (s.Length % 4) switch
    {
        2 => s + "==",
        3 => s + "=",
        _ => s,
    };

    /// <summary>Verifies a JWS signature with this key and an algorithm; false on any mismatch.</summary>
    public bool Verify(string alg, byte[] input, byte[] signature)
    {
        try
        {
            return alg switch
            {
                "HS256" or "HS384" or "HS512" => Secret is not null && CryptographicOperations.FixedTimeEquals(Hmac(alg, Secret, input), signature),
                "RS256" or "RS384" or "RS512" => Rsa is not null && Rsa.VerifyData(input, signature, HashOf(alg), RSASignaturePadding.Pkcs1),
                "PS256" or "PS384" or "PS512" => Rsa is not null && Rsa.VerifyData(input, signature, HashOf(alg), RSASignaturePadding.Pss),
                "ES256" or "ES384" or "ES512" => Ec is not null && Ec.VerifyData(input, signature, HashOf(alg), DSASignatureFormat.IeeeP1363FixedFieldConcatenation),
                "EdDSA" => Ed25519Public is { Length: 32 } && VerifyEd25519(Ed25519Public, input, signature),
                _ => false,
            };
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    public byte[] Sign(string alg, byte[] input) => alg switch
    {
        "HS256" or "HS384" or "HS512" => Hmac(alg, Secret ?? throw new BuiltinException("invalid key type for " + alg), input),
        "RS256" or "RS384" or "RS512" => (Rsa ?? throw new BuiltinException("invalid key type for " + alg)).SignData(input, HashOf(alg), RSASignaturePadding.Pkcs1),
        "PS256" or "PS384" or "PS512" => (Rsa ?? throw new BuiltinException("invalid key type for " + alg)).SignData(input, HashOf(alg), RSASignaturePadding.Pss),
        "ES256" or "ES384" or "ES512" => (Ec ?? throw new BuiltinException("invalid key type for " + alg)).SignData(input, HashOf(alg), DSASignatureFormat.IeeeP1363FixedFieldConcatenation),
        "EdDSA" => SignEd25519(Ed25519Private ?? throw new BuiltinException("invalid key type for " + alg), input),
        _ => throw new BuiltinException($"unsupported JWS algorithm: {alg}"),
    };

    private static bool VerifyEd25519(byte[] publicKey, byte[] input, byte[] signature)
    {
        var verifier = new Org.BouncyCastle.Crypto.Signers.Ed25519Signer();
        verifier.Init(false, new Org.BouncyCastle.Crypto.Parameters.Ed25519PublicKeyParameters(publicKey, 0));
        verifier.BlockUpdate(input, 0, input.Length);
        return verifier.VerifySignature(signature);
    }

    private static byte[] SignEd25519(byte[] privateKey, byte[] input)
    {
        var signer = new Org.BouncyCastle.Crypto.Signers.Ed25519Signer();
        signer.Init(true, new Org.BouncyCastle.Crypto.Parameters.Ed25519PrivateKeyParameters(privateKey, 0));
        signer.BlockUpdate(input, 0, input.Length);
        return signer.GenerateSignature();
    }

    public static byte[] Hmac(string alg, byte[] key, byte[] input) => alg switch
    {
        "HS256" => HMACSHA256.HashData(key, input),
        "HS384" => HMACSHA384.HashData(key, input),
        _ => HMACSHA512.HashData(key, input),
    };

    private static HashAlgorithmName HashOf(string alg) => alg[2..] switch
    {
        "256" => HashAlgorithmName.SHA256,
        "384" => HashAlgorithmName.SHA384,
        _ => HashAlgorithmName.SHA512,
    };
}
