using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Steward.Policy.Values;

namespace Steward.Policy.Builtins;

/// <summary>crypto.x509.parse_certificates and parse_and_verify_certificates(_with_options).</summary>
internal static class X509Builtins
{
    private static readonly Dictionary<string, string?> KeyUsageOids = new(StringComparer.Ordinal)
    {
        ["KeyUsageAny"] = null,
        ["KeyUsageServerAuth"] = "1.3.6.1.5.5.7.3.1",
        ["KeyUsageClientAuth"] = "1.3.6.1.5.5.7.3.2",
        ["KeyUsageCodeSigning"] = "1.3.6.1.5.5.7.3.3",
        ["KeyUsageEmailProtection"] = "1.3.6.1.5.5.7.3.4",
        ["KeyUsageIPSECEndSystem"] = "1.3.6.1.5.5.7.3.5",
        ["KeyUsageIPSECTunnel"] = "1.3.6.1.5.5.7.3.6",
        ["KeyUsageIPSECUser"] = "1.3.6.1.5.5.7.3.7",
        ["KeyUsageTimeStamping"] = "1.3.6.1.5.5.7.3.8",
        ["KeyUsageOCSPSigning"] = "1.3.6.1.5.5.7.3.9",
        ["KeyUsageMicrosoftServerGatedCrypto"] = "1.3.6.1.4.1.311.10.3.3",
        ["KeyUsageNetscapeServerGatedCrypto"] = "2.16.840.1.113730.4.1",
        ["KeyUsageMicrosoftCommercialCodeSigning"] = "1.3.6.1.4.1.311.2.1.22",
        ["KeyUsageMicrosoftKernelCodeSigning"] = "1.3.6.1.4.1.311.61.1.1",
    };

    public static void Register(BuiltinRegistry r)
    {
        r.Register("crypto.x509.parse_certificates", 1, (_, a) => new ArrayValue([.. Load(Operand.String(a, 0)).Select(c => (Value)CertificateJson.From(c))]));
        r.Register("crypto.x509.parse_and_verify_certificates", 1, (c, a) => Verify(c, Operand.String(a, 0), null));
        r.Register("crypto.x509.parse_and_verify_certificates_with_options", 2, (c, a) => Verify(c, Operand.String(a, 0), Operand.Object(a, 1)));
    }

    private static List<X509Certificate2> Load(string input)
    {
        if (input.StartsWith("-----BEGIN", StringComparison.Ordinal))
        {
            return FromPem(input);
        }

        if (!GoBase64.TryDecode(input, url: false, out var bytes, out var at))
        {
            throw new BuiltinException($"illegal base64 data at input byte {at}");
        }

        var text = Encoding.UTF8.GetString(bytes);
        return text.StartsWith("-----BEGIN", StringComparison.Ordinal) ? FromPem(text) : FromDer(bytes);
    }

    private static List<X509Certificate2> FromPem(string text)
    {
        var der = new List<byte>();
        while (PemEncoding.TryFind(text, out var fields))
        {
            var label = text[fields.Label];
            if (label != "CERTIFICATE")
            {
                throw new BuiltinException($"PEM block type is '{label}', expected CERTIFICATE");
            }

            der.AddRange(Convert.FromBase64String(text[fields.Base64Data]));
            text = text[fields.Location.End..];
        }

        return FromDer([.. der]);
    }

    private static List<X509Certificate2> FromDer(byte[] der)
    {
        var certs = new List<X509Certificate2>();
        try
        {
            var reader = new AsnReader(der, AsnEncodingRules.DER);
            while (reader.HasData)
            {
                certs.Add(X509CertificateLoader.LoadCertificate(reader.ReadEncodedValue().ToArray()));
            }
        }
        catch (Exception e) when (e is AsnContentException or CryptographicException)
        {
            throw new BuiltinException("x509: malformed certificate");
        }

        return certs;
    }

    private static ArrayValue Verify(BuiltinContext context, string input, ObjectValue? options)
    {
        var failed = new ArrayValue([BooleanValue.False, ArrayValue.Empty]);
        List<X509Certificate2> certs;
        try
        {
            certs = Load(input);
        }
        catch (BuiltinException)
        {
            return failed;
        }

        string? dnsName = null;
        DateTime? currentTime = null;
        var usages = new List<string?>();
        if (options is not null)
        {
            for (var i = 0; i < options.Count; i++)
            {
                if (options.Keys[i] is not StringValue key)
                {
                    continue;
                }

                var v = options.Values[i];
                switch (key.Value)
                {
                    case "DNSName":
                        dnsName = v is StringValue s ? s.Value.Trim('"') : throw new BuiltinException("'DNSName' should be a string");
                        break;
                    case "CurrentTime":
                        currentTime = v is NumberValue n
                            ? (n.TryGetInt64(out var ns) ? DateTimeOffset.UnixEpoch.AddTicks(ns / 100).UtcDateTime : throw new BuiltinException("'CurrentTime' should be a valid int64 number"))
                            : throw new BuiltinException("'CurrentTime' should be a number");
                        break;
                    case "MaxConstraintComparisons":
                        _ = v is NumberValue ? 0 : throw new BuiltinException("'MaxConstraintComparisons' should be a number");
                        break;
                    case "KeyUsages":
                        var items = v switch
                        {
                            ArrayValue a => a.Items.ToArray(),
                            SetValue set => set.Items.ToArray(),
                            _ => throw new BuiltinException("'KeyUsages' should be an Array or Set"),
                        };
                        var invalid = new List<string>();
                        foreach (var item in items.OfType<StringValue>())
                        {
                            var name = item.Value.Trim('"');
                            if (KeyUsageOids.TryGetValue(name, out var oid))
                            {
                                usages.Add(oid);
                            }
                            else
                            {
                                invalid.Add(name);
                            }
                        }

                        if (invalid.Count > 0)
                        {
                            throw new BuiltinException($"invalid entries for 'KeyUsages' found: [{string.Join(" ", invalid)}]");
                        }

                        break;
                    default:
                        throw new BuiltinException("invalid key option");
                }
            }
        }

        if (certs.Count < 2)
        {
            return failed;
        }

        var leaf = certs[^1];
        if (dnsName is { Length: > 0 } && !MatchesHost(leaf, dnsName))
        {
            return failed;
        }

        var when = currentTime ?? context.Time.GetUtcNow().UtcDateTime;
        var candidates = usages.Count == 0 ? ["1.3.6.1.5.5.7.3.1"] : usages;
        foreach (var usage in candidates)
        {
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(certs[0]);
            for (var i = 1; i < certs.Count - 1; i++)
            {
                chain.ChainPolicy.ExtraStore.Add(certs[i]);
            }

            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.VerificationTime = when;
            if (usage is not null)
            {
                chain.ChainPolicy.ApplicationPolicy.Add(new Oid(usage));
            }

            if (chain.Build(leaf))
            {
                var verified = chain.ChainElements.Select(e => (Value)Strip(CertificateJson.From(e.Certificate), options is not null)).ToArray();
                return new ArrayValue([BooleanValue.True, new ArrayValue(verified)]);
            }
        }

        return failed;
    }

    private static ObjectValue Strip(ObjectValue cert, bool withOptions) =>
        withOptions ? ObjectValue.From(Enumerable.Range(0, cert.Count).Where(i => cert.Keys[i] is not StringValue { Value: "URIStrings" }).Select(i => new KeyValuePair<Value, Value>(cert.Keys[i], cert.Values[i]))) : cert;

    private static bool MatchesHost(X509Certificate2 cert, string host)
    {
        var names = cert.Extensions.OfType<X509SubjectAlternativeNameExtension>().SelectMany(san => san.EnumerateDnsNames()).ToList();
        if (GoIP.Parse(host) is { } ip)
        {
            return cert.Extensions.OfType<X509SubjectAlternativeNameExtension>().SelectMany(san => san.EnumerateIPAddresses())
                .Any(a => a.GetAddressBytes().AsSpan().SequenceEqual(GoIP.To4(ip) ?? ip));
        }

        host = host.TrimEnd('.').ToLowerInvariant();
        foreach (var name in names)
        {
            var pattern = name.TrimEnd('.').ToLowerInvariant();
            if (pattern == host)
            {
                return true;
            }

            if (pattern.StartsWith("*.", StringComparison.Ordinal) && host.IndexOf('.', StringComparison.Ordinal) is var dot and > 0 && host[dot..] == pattern[1..])
            {
                return true;
            }
        }

        return false;
    }
}
