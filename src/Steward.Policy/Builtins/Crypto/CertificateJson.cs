using System.Formats.Asn1;
using System.Globalization;
using System.Numerics;
using System.Security.Cryptography.X509Certificates;
using Steward.Policy.Values;

namespace Steward.Policy.Builtins;

/// <summary>A certificate as the JSON of Go's x509.Certificate (the commonly used fields, Go's names and enum numbers).</summary>
internal static class CertificateJson
{
    /// <summary>
    /// The certificate's JSON; <paramref name="uriStrings"/> adds OPA's <c>URIStrings</c> (parse_certificates has it,
    /// a key pair's leaf does not).
    /// </summary>
    public static ObjectValue From(X509Certificate2 cert, bool uriStrings = true)
    {
        var o = new ObjectBuilder();
        void Set(string name, Value value) => o.Set(new StringValue(name), value);
        Value B64(byte[]? bytes) => bytes is null ? NullValue.Instance : new StringValue(Convert.ToBase64String(bytes));

        var raw = cert.RawData;
        var (tbs, signature) = SplitCertificate(raw);
        Set("Raw", B64(raw));
        Set("RawTBSCertificate", B64(tbs));
        Set("RawSubjectPublicKeyInfo", B64(cert.PublicKey.ExportSubjectPublicKeyInfo()));
        Set("RawSubject", B64(cert.SubjectName.RawData));
        Set("RawIssuer", B64(cert.IssuerName.RawData));
        Set("Signature", B64(signature));
        Set("SignatureAlgorithm", NumberValue.Of(SignatureAlgorithm(cert.SignatureAlgorithm.Value)));
        Set("PublicKeyAlgorithm", PublicKeyAlgorithm(cert.PublicKey));
        Set("PublicKey", PublicKey(cert.PublicKey));
        Set("Version", NumberValue.Of(cert.Version));
        Set("SerialNumber", NumberValue.Of(BigInteger.Parse("0" + cert.SerialNumber, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture)));
        Set("Issuer", Name(cert.IssuerName));
        Set("Subject", Name(cert.SubjectName));
        Set("NotBefore", new StringValue(cert.NotBefore.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));
        Set("NotAfter", new StringValue(cert.NotAfter.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));

        var keyUsage = 0;
        var extensions = new List<Value>();
        var extKeyUsages = new List<Value>();
        var unknownExtKeyUsages = new List<Value>();
        var basicConstraintsValid = false;
        var isCa = false;
        var maxPathLen = -1;
        var maxPathLenZero = false;
        Value subjectKeyId = NullValue.Instance;
        Value authorityKeyId = NullValue.Instance;
        var dns = new List<Value>();
        var emails = new List<Value>();
        var ips = new List<Value>();
        var uris = new List<Value>();
        foreach (var extension in cert.Extensions)
        {
            var e = new ObjectBuilder();
            e.Set(new StringValue("Id"), Oid(extension.Oid!.Value!));
            e.Set(new StringValue("Critical"), BooleanValue.Of(extension.Critical));
            e.Set(new StringValue("Value"), B64(extension.RawData));
            extensions.Add(e.Build());
            switch (extension)
            {
                case X509KeyUsageExtension ku:
                    keyUsage = KeyUsage(ku.KeyUsages);
                    break;
                case X509BasicConstraintsExtension bc:
                    basicConstraintsValid = true;
                    isCa = bc.CertificateAuthority;
                    maxPathLen = bc.HasPathLengthConstraint ? bc.PathLengthConstraint : -1;
                    maxPathLenZero = bc.HasPathLengthConstraint && bc.PathLengthConstraint == 0;
                    break;
                case X509EnhancedKeyUsageExtension eku:
                    foreach (var usage in eku.EnhancedKeyUsages)
                    {
                        var n = ExtKeyUsage(usage.Value);
                        if (n >= 0)
                        {
                            extKeyUsages.Add(NumberValue.Of(n));
                        }
                        else
                        {
                            unknownExtKeyUsages.Add(Oid(usage.Value!));
                        }
                    }

                    break;
                case X509SubjectKeyIdentifierExtension ski:
                    subjectKeyId = B64(Convert.FromHexString(ski.SubjectKeyIdentifier!));
                    break;
                case X509AuthorityKeyIdentifierExtension aki when aki.KeyIdentifier is { } id:
                    authorityKeyId = B64(id.ToArray());
                    break;
                case X509SubjectAlternativeNameExtension san:
                    AlternativeNames(san.RawData, dns, emails, ips, uris);
                    break;
            }
        }

        Set("KeyUsage", NumberValue.Of(keyUsage));
        Set("Extensions", extensions.Count == 0 ? NullValue.Instance : new ArrayValue([.. extensions]));
        Set("ExtraExtensions", NullValue.Instance);
        Set("UnhandledCriticalExtensions", NullValue.Instance);
        Set("ExtKeyUsage", extKeyUsages.Count == 0 ? NullValue.Instance : new ArrayValue([.. extKeyUsages]));
        Set("UnknownExtKeyUsage", unknownExtKeyUsages.Count == 0 ? NullValue.Instance : new ArrayValue([.. unknownExtKeyUsages]));
        Set("BasicConstraintsValid", BooleanValue.Of(basicConstraintsValid));
        Set("IsCA", BooleanValue.Of(isCa));
        Set("MaxPathLen", NumberValue.Of(basicConstraintsValid ? maxPathLen : 0));
        Set("MaxPathLenZero", BooleanValue.Of(maxPathLenZero));
        Set("SubjectKeyId", subjectKeyId);
        Set("AuthorityKeyId", authorityKeyId);
        Set("DNSNames", List(dns));
        Set("EmailAddresses", List(emails));
        Set("IPAddresses", List(ips));
        Set("URIs", List(uris.Select(u => (Value)GoUrl.Parse(((StringValue)u).Value).Json()).ToList()));
        if (uriStrings)
        {
            Set("URIStrings", List(uris));
        }

        return o.Build();
    }

    /// <summary>Go's PublicKeyAlgorithm number of a key.</summary>
    public static NumberValue PublicKeyAlgorithm(PublicKey key) => NumberValue.Of(key.Oid.Value switch
    {
        "1.2.840.113549.1.1.1" => 1,
        "1.2.840.10040.4.1" => 2,
        "1.2.840.10045.2.1" => 3,
        "1.3.101.112" => 4,
        _ => 0,
    });

    public static Value List(List<Value> items) => items.Count == 0 ? NullValue.Instance : new ArrayValue([.. items]);

    public static ArrayValue Oid(string oid) => new([.. oid.Split('.').Select(p => (Value)NumberValue.Of(long.Parse(p, CultureInfo.InvariantCulture)))]);

    private static (byte[]? Tbs, byte[]? Signature) SplitCertificate(byte[] der)
    {
        try
        {
            var reader = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
            var tbs = reader.ReadEncodedValue().ToArray();
            reader.ReadEncodedValue();
            var signature = reader.ReadBitString(out _);
            return (tbs, signature);
        }
        catch (AsnContentException)
        {
            return (null, null);
        }
    }

    public static int SignatureAlgorithm(string? oid) => oid switch
    {
        "1.2.840.113549.1.1.2" => 1,
        "1.2.840.113549.1.1.4" => 2,
        "1.2.840.113549.1.1.5" => 3,
        "1.2.840.113549.1.1.11" => 4,
        "1.2.840.113549.1.1.12" => 5,
        "1.2.840.113549.1.1.13" => 6,
        "1.2.840.10040.4.3" => 7,
        "2.16.840.1.101.3.4.3.2" => 8,
        "1.2.840.10045.4.1" => 9,
        "1.2.840.10045.4.3.2" => 10,
        "1.2.840.10045.4.3.3" => 11,
        "1.2.840.10045.4.3.4" => 12,
        "1.2.840.113549.1.1.10" => 13,
        "1.3.101.112" => 16,
        _ => 0,
    };

    /// <summary>A public key as Go's JSON of *rsa.PublicKey or *ecdsa.PublicKey; other keys as their raw bytes.</summary>
    public static Value PublicKey(PublicKey key)
    {
        var o = new ObjectBuilder();
        if (key.GetRSAPublicKey() is { } rsa)
        {
            using (rsa)
            {
                var p = rsa.ExportParameters(false);
                o.Set(new StringValue("N"), NumberValue.Of(new BigInteger(p.Modulus, isUnsigned: true, isBigEndian: true)));
                o.Set(new StringValue("E"), NumberValue.Of(new BigInteger(p.Exponent, isUnsigned: true, isBigEndian: true)));
            }
        }
        else if (key.GetECDsaPublicKey() is { } ec)
        {
            using (ec)
            {
                var p = ec.ExportParameters(false);
                o.Set(new StringValue("Curve"), ObjectValue.Empty);
                o.Set(new StringValue("X"), NumberValue.Of(new BigInteger(p.Q.X, isUnsigned: true, isBigEndian: true)));
                o.Set(new StringValue("Y"), NumberValue.Of(new BigInteger(p.Q.Y, isUnsigned: true, isBigEndian: true)));
            }
        }
        else
        {
            return new StringValue(Convert.ToBase64String(key.EncodedKeyValue.RawData));
        }

        return o.Build();
    }

    public static ObjectValue Name(X500DistinguishedName name)
    {
        var fields = new Dictionary<string, List<Value>>(StringComparer.Ordinal);
        var names = new List<Value>();
        string serial = string.Empty, common = string.Empty;
        foreach (var rdn in name.EnumerateRelativeDistinguishedNames(reversed: false))
        {
            if (rdn.HasMultipleElements)
            {
                continue;
            }

            var oid = rdn.GetSingleElementType().Value!;
            var value = rdn.GetSingleElementValue() ?? string.Empty;
            var entry = new ObjectBuilder();
            entry.Set(new StringValue("Type"), Oid(oid));
            entry.Set(new StringValue("Value"), new StringValue(value));
            names.Add(entry.Build());
            var field = oid switch
            {
                "2.5.4.6" => "Country",
                "2.5.4.10" => "Organization",
                "2.5.4.11" => "OrganizationalUnit",
                "2.5.4.7" => "Locality",
                "2.5.4.8" => "Province",
                "2.5.4.9" => "StreetAddress",
                "2.5.4.17" => "PostalCode",
                _ => null,
            };
            if (field is not null)
            {
                if (!fields.TryGetValue(field, out var list))
                {
                    fields[field] = list = [];
                }

                list.Add(new StringValue(value));
            }
            else if (oid == "2.5.4.5")
            {
                serial = value;
            }
            else if (oid == "2.5.4.3")
            {
                common = value;
            }
        }

        var o = new ObjectBuilder();
        foreach (var field in new[] { "Country", "Organization", "OrganizationalUnit", "Locality", "Province", "StreetAddress", "PostalCode" })
        {
            o.Set(new StringValue(field), fields.TryGetValue(field, out var list) ? new ArrayValue([.. list]) : NullValue.Instance);
        }

        o.Set(new StringValue("SerialNumber"), new StringValue(serial));
        o.Set(new StringValue("CommonName"), new StringValue(common));
        o.Set(new StringValue("Names"), List(names));
        o.Set(new StringValue("ExtraNames"), NullValue.Instance);
        return o.Build();
    }

    private static int KeyUsage(X509KeyUsageFlags flags)
    {
        var bits = 0;
        if (flags.HasFlag(X509KeyUsageFlags.DigitalSignature)) bits |= 1;
        if (flags.HasFlag(X509KeyUsageFlags.NonRepudiation)) bits |= 2;
        if (flags.HasFlag(X509KeyUsageFlags.KeyEncipherment)) bits |= 4;
        if (flags.HasFlag(X509KeyUsageFlags.DataEncipherment)) bits |= 8;
        if (flags.HasFlag(X509KeyUsageFlags.KeyAgreement)) bits |= 16;
        if (flags.HasFlag(X509KeyUsageFlags.KeyCertSign)) bits |= 32;
        if (flags.HasFlag(X509KeyUsageFlags.CrlSign)) bits |= 64;
        if (flags.HasFlag(X509KeyUsageFlags.EncipherOnly)) bits |= 128;
        if (flags.HasFlag(X509KeyUsageFlags.DecipherOnly)) bits |= 256;
        return bits;
    }

    /// <summary>Go's ExtKeyUsage number for an OID, or -1.</summary>
    public static int ExtKeyUsage(string? oid) => oid switch
    {
        "2.5.29.37.0" => 0,
        "1.3.6.1.5.5.7.3.1" => 1,
        "1.3.6.1.5.5.7.3.2" => 2,
        "1.3.6.1.5.5.7.3.3" => 3,
        "1.3.6.1.5.5.7.3.4" => 4,
        "1.3.6.1.5.5.7.3.5" => 5,
        "1.3.6.1.5.5.7.3.6" => 6,
        "1.3.6.1.5.5.7.3.7" => 7,
        "1.3.6.1.5.5.7.3.8" => 8,
        "1.3.6.1.5.5.7.3.9" => 9,
        "1.3.6.1.4.1.311.10.3.3" => 10,
        "2.16.840.1.113730.4.1" => 11,
        "1.3.6.1.4.1.311.2.1.22" => 12,
        "1.3.6.1.4.1.311.61.1.1" => 13,
        _ => -1,
    };

    public static void AlternativeNames(byte[] raw, List<Value> dns, List<Value> emails, List<Value> ips, List<Value> uris)
    {
        try
        {
            var reader = new AsnReader(raw, AsnEncodingRules.DER).ReadSequence();
            while (reader.HasData)
            {
                var tag = reader.PeekTag();
                if (tag.TagClass != TagClass.ContextSpecific)
                {
                    reader.ReadEncodedValue();
                    continue;
                }

                switch (tag.TagValue)
                {
                    case 1:
                        emails.Add(new StringValue(reader.ReadCharacterString(UniversalTagNumber.IA5String, tag)));
                        break;
                    case 2:
                        dns.Add(new StringValue(reader.ReadCharacterString(UniversalTagNumber.IA5String, tag)));
                        break;
                    case 6:
                        uris.Add(new StringValue(reader.ReadCharacterString(UniversalTagNumber.IA5String, tag)));
                        break;
                    case 7:
                        ips.Add(new StringValue(GoIP.Format(reader.ReadOctetString(tag))));
                        break;
                    default:
                        reader.ReadEncodedValue();
                        break;
                }
            }
        }
        catch (AsnContentException)
        {
            // A malformed extension leaves the lists as read so far.
        }
    }
}
