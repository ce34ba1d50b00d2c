using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Steward.Policy.Values;

namespace Steward.Policy.Builtins;

/// <summary>
/// <c>crypto.parse_private_keys</c>, <c>crypto.x509.parse_keypair</c> and <c>crypto.x509.parse_certificate_request</c>,
/// with OPA's input handling (PEM, or base64 of PEM or DER) and the error texts of the Go functions OPA calls.
/// </summary>
internal static class KeyPairBuiltins
{
    private const string PemBegin = "-----BEGIN";

    public static void Register(BuiltinRegistry r)
    {
        r.Register("crypto.parse_private_keys", 1, (_, a) => PrivateKeys(Operand.String(a, 0)));
        r.Register("crypto.x509.parse_keypair", 2, (_, a) => KeyPair(a));
        r.Register("crypto.x509.parse_certificate_request", 1, (_, a) => CertificateRequest(Operand.String(a, 0)));
    }

    /// <summary>Every RSA, PKCS #8 and EC private key block of the input (base64 of it accepted), in order; null for "".</summary>
    private static Value PrivateKeys(string input)
    {
        if (input.Length == 0)
        {
            return NullValue.Instance;
        }

        if (GoBase64.TryDecode(input, url: false, out var decoded, out _))
        {
            input = Encoding.UTF8.GetString(decoded);
        }

        var keys = new List<Value>();
        foreach (var (type, der) in GoKeys.Blocks(input))
        {
            if (type is not ("RSA PRIVATE KEY" or "PRIVATE KEY" or "EC PRIVATE KEY"))
            {
                continue;
            }

            using var key = GoKeys.ParseBlock(type, der);
            keys.Add(GoKeys.PrivateKeyJson(key));
        }

        return new ArrayValue([.. keys]);
    }

    /// <summary>
    /// A certificate chain and its private key as the JSON of Go's tls.Certificate: the chain's DER certificates,
    /// the key, the leaf (parsed, as Go 1.23 and later fill it in) and the fields TLS alone sets, null. The key
    /// must match the leaf's public key.
    /// </summary>
    private static Value KeyPair(ReadOnlySpan<Value> args)
    {
        // OPA reports a non-string key as operand 1 too.
        var certificate = args[0] as StringValue ?? throw OperandErrors.Type(1, args[0], "string");
        var key = args[1] as StringValue ?? throw OperandErrors.Type(1, args[1], "string");
        var certText = PemText(certificate.Value, "CERTIFICATE");
        var keyText = PemText(key.Value, "PRIVATE KEY");

        var certs = new List<byte[]>();
        var skipped = new List<string>();
        foreach (var (type, der) in GoKeys.Blocks(certText))
        {
            if (type == "CERTIFICATE")
            {
                certs.Add(der);
            }
            else
            {
                skipped.Add(type);
            }
        }

        if (certs.Count == 0)
        {
            throw new BuiltinException(skipped.Count switch
            {
                0 => "tls: failed to find any PEM data in certificate input",
                1 when skipped[0].EndsWith("PRIVATE KEY", StringComparison.Ordinal) =>
                    "tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched",
                _ => $"tls: failed to find \"CERTIFICATE\" PEM block in certificate input after skipping PEM blocks of the following types: [{string.Join(' ', skipped)}]",
            });
        }

        skipped.Clear();
        byte[]? keyDer = null;
        foreach (var (type, der) in GoKeys.Blocks(keyText))
        {
            if (type == "PRIVATE KEY" || type.EndsWith(" PRIVATE KEY", StringComparison.Ordinal))
            {
                keyDer = der;
                break;
            }

            skipped.Add(type);
        }

        if (keyDer is null)
        {
            throw new BuiltinException(skipped.Count switch
            {
                0 => "tls: failed to find any PEM data in key input",
                1 when skipped[0] == "CERTIFICATE" => "tls: found a certificate rather than a key in the PEM for the private key",
                _ => $"tls: failed to find PEM block with type ending in \"PRIVATE KEY\" in key input after skipping PEM blocks of the following types: [{string.Join(' ', skipped)}]",
            });
        }

        X509Certificate2 leaf;
        try
        {
            leaf = X509CertificateLoader.LoadCertificate(certs[0]);
        }
        catch (CryptographicException)
        {
            throw new BuiltinException("x509: malformed certificate");
        }

        using (leaf)
        using (var privateKey = TlsPrivateKey(keyDer))
        {
            CheckMatch(leaf, privateKey);
            var o = new ObjectBuilder();
            void Set(string name, Value value) => o.Set(new StringValue(name), value);
            Set("Certificate", new ArrayValue([.. certs.Select(c => (Value)new StringValue(Convert.ToBase64String(c)))]));
            Set("PrivateKey", GoKeys.PrivateKeyJson(privateKey));
            Set("SupportedSignatureAlgorithms", NullValue.Instance);
            Set("OCSPStaple", NullValue.Instance);
            Set("SignedCertificateTimestamps", NullValue.Instance);
            Set("Leaf", CertificateJson.From(leaf, uriStrings: false));
            return o.Build();
        }
    }

    /// <summary>A key input as PEM text: base64 is decoded first, and DER is wrapped in a block of the given type, as OPA does.</summary>
    private static string PemText(string input, string derType)
    {
        if (input.StartsWith(PemBegin, StringComparison.Ordinal))
        {
            return input;
        }

        var bytes = GoKeys.Base64(input);
        var text = Encoding.UTF8.GetString(bytes);
        return text.StartsWith(PemBegin, StringComparison.Ordinal) ? text : new string(PemEncoding.Write(derType, bytes)) + "\n";
    }

    /// <summary>Go's tls parsePrivateKey: PKCS #1, then PKCS #8, then SEC 1.</summary>
    private static AsymmetricAlgorithm TlsPrivateKey(byte[] der)
    {
        if (GoKeys.TryPkcs1(der) is { } rsa)
        {
            return rsa;
        }

        try
        {
            return GoKeys.Pkcs8(der);
        }
        catch (BuiltinException)
        {
        }

        return GoKeys.TrySec1(der) ?? throw new BuiltinException("tls: failed to parse private key");
    }

    private static void CheckMatch(X509Certificate2 leaf, AsymmetricAlgorithm key)
    {
        if (leaf.GetRSAPublicKey() is { } publicRsa)
        {
            using (publicRsa)
            {
                if (key is not RSA rsa)
                {
                    throw new BuiltinException("tls: private key type does not match public key type");
                }

                if (!publicRsa.ExportParameters(false).Modulus.AsSpan().SequenceEqual(rsa.ExportParameters(false).Modulus))
                {
                    throw new BuiltinException("tls: private key does not match public key");
                }
            }

            return;
        }

        if (leaf.GetECDsaPublicKey() is { } publicEc)
        {
            using (publicEc)
            {
                if (key is not ECDsa ec)
                {
                    throw new BuiltinException("tls: private key type does not match public key type");
                }

                var (a, b) = (publicEc.ExportParameters(false).Q, ec.ExportParameters(false).Q);
                if (!a.X.AsSpan().SequenceEqual(b.X) || !a.Y.AsSpan().SequenceEqual(b.Y))
                {
                    throw new BuiltinException("tls: private key does not match public key");
                }
            }

            return;
        }

        if (leaf.PublicKey.Oid.Value == "1.3.101.112")
        {
            if (key is not Ed25519Key ed)
            {
                throw new BuiltinException("tls: private key type does not match public key type");
            }

            if (!leaf.PublicKey.EncodedKeyValue.RawData.AsSpan().SequenceEqual(ed.PublicKey))
            {
                throw new BuiltinException("tls: private key does not match public key");
            }

            return;
        }

        throw new BuiltinException("tls: unknown public key algorithm");
    }

    /// <summary>A CSR in PEM, base64 of PEM, or base64 of DER.</summary>
    private static Value CertificateRequest(string input)
    {
        var bytes = input.StartsWith("-----BEGIN CERTIFICATE REQUEST-----", StringComparison.Ordinal)
            ? Encoding.UTF8.GetBytes(input)
            : GoKeys.Base64(input);
        var blocks = GoKeys.Blocks(Encoding.UTF8.GetString(bytes));
        if (blocks.Count > 0)
        {
            if (blocks[0].Type != "CERTIFICATE REQUEST")
            {
                throw new BuiltinException("invalid PEM-encoded certificate signing request");
            }

            bytes = blocks[0].Bytes;
        }

        return CertificateRequestJson.Parse(bytes);
    }
}
