using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Steward.Policy.Values;

namespace Steward.Policy.Builtins;

/// <summary>
/// A PKCS #10 certificate signing request as the JSON of Go's x509.CertificateRequest (what
/// <c>crypto.x509.parse_certificate_request</c> returns): the raw parts in base64, version, signature and its
/// algorithm number, the public key, the subject, the attributes Go can read as type-and-value sets, the extensions
/// requested through the extensionRequest attribute and the alternative names among them. The signature is not
/// checked, as Go's parser does not check it.
/// </summary>
internal static class CertificateRequestJson
{
    private const string ExtensionRequestOid = "1.2.840.113549.1.9.14";
    private const string SubjectAltNameOid = "2.5.29.17";

    public static ObjectValue Parse(byte[] der)
    {
        try
        {
            return ParseCore(der);
        }
        catch (Exception e) when (e is AsnContentException or CryptographicException)
        {
            throw new BuiltinException("asn1: structure error: malformed certificate request");
        }
    }

    private static ObjectValue ParseCore(byte[] der)
    {
        var outer = new AsnReader(der, AsnEncodingRules.DER);
        var request = outer.ReadSequence();
        if (outer.HasData)
        {
            throw new BuiltinException("asn1: syntax error: trailing data");
        }

        var tbs = request.ReadEncodedValue().ToArray();
        var algorithm = request.ReadSequence().ReadObjectIdentifier();
        var signature = request.ReadBitString(out _);

        var info = new AsnReader(tbs, AsnEncodingRules.DER).ReadSequence();
        var version = info.ReadInteger();
        var subject = info.ReadEncodedValue().ToArray();
        var spki = info.ReadEncodedValue().ToArray();
        var attributes = new List<Value>();
        var extensions = new List<Value>();
        var dns = new List<Value>();
        var emails = new List<Value>();
        var ips = new List<Value>();
        var uris = new List<Value>();
        if (info.HasData)
        {
            var set = info.ReadSetOf(skipSortOrderValidation: true, new Asn1Tag(TagClass.ContextSpecific, 0));
            while (set.HasData)
            {
                var raw = set.ReadEncodedValue().ToArray();
                if (Attribute(raw) is { } attribute)
                {
                    attributes.Add(attribute);
                }

                ReadExtensions(raw, extensions, dns, emails, ips, uris);
            }
        }

        var key = PublicKey.CreateFromSubjectPublicKeyInfo(spki, out _);
        var o = new ObjectBuilder();
        void Set(string name, Value value) => o.Set(new StringValue(name), value);
        Set("Raw", B64(der));
        Set("RawTBSCertificateRequest", B64(tbs));
        Set("RawSubjectPublicKeyInfo", B64(spki));
        Set("RawSubject", B64(subject));
        Set("Version", NumberValue.Of(version));
        Set("Signature", B64(signature));
        Set("SignatureAlgorithm", NumberValue.Of(CertificateJson.SignatureAlgorithm(algorithm)));
        Set("PublicKeyAlgorithm", CertificateJson.PublicKeyAlgorithm(key));
        Set("PublicKey", CertificateJson.PublicKey(key));
        Set("Subject", CertificateJson.Name(new X500DistinguishedName(subject)));
        Set("Attributes", CertificateJson.List(attributes));
        Set("Extensions", CertificateJson.List(extensions));
        Set("ExtraExtensions", NullValue.Instance);
        Set("DNSNames", CertificateJson.List(dns));
        Set("EmailAddresses", CertificateJson.List(emails));
        Set("IPAddresses", CertificateJson.List(ips));
        Set("URIs", CertificateJson.List([.. uris.Select(u => (Value)GoUrl.Parse(((StringValue)u).Value).Json())]));
        return o.Build();
    }

    private static StringValue B64(byte[] bytes) => new(Convert.ToBase64String(bytes));

    /// <summary>
    /// An attribute as Go's pkix.AttributeTypeAndValueSET, <c>{Type, Value: [[{Type, Value}]]}</c>; null for one
    /// whose values are not sequences of type-and-value pairs (challengePassword, unstructuredName), which Go skips.
    /// </summary>
    private static ObjectValue? Attribute(byte[] raw)
    {
        try
        {
            var attribute = new AsnReader(raw, AsnEncodingRules.DER).ReadSequence();
            var type = attribute.ReadObjectIdentifier();
            var values = attribute.ReadSetOf(skipSortOrderValidation: true);
            var sets = new List<Value>();
            while (values.HasData)
            {
                var sequence = values.ReadSequence();
                var pairs = new List<Value>();
                while (sequence.HasData)
                {
                    var pair = sequence.ReadSequence();
                    var pairType = pair.ReadObjectIdentifier();
                    var value = AnyValue(pair);
                    if (value is null)
                    {
                        return null;
                    }

                    var p = new ObjectBuilder();
                    p.Set(new StringValue("Type"), CertificateJson.Oid(pairType));
                    p.Set(new StringValue("Value"), value);
                    pairs.Add(p.Build());
                }

                sets.Add(new ArrayValue([.. pairs]));
            }

            var o = new ObjectBuilder();
            o.Set(new StringValue("Type"), CertificateJson.Oid(type));
            o.Set(new StringValue("Value"), new ArrayValue([.. sets]));
            return o.Build();
        }
        catch (AsnContentException)
        {
            return null;
        }
    }

    /// <summary>A value Go's asn1 decodes into an empty interface: booleans, integers, byte and character strings, OIDs, times.</summary>
    private static Value? AnyValue(AsnReader reader)
    {
        var tag = reader.PeekTag();
        if (tag.TagClass != TagClass.Universal || tag.IsConstructed)
        {
            return null;
        }

        switch ((UniversalTagNumber)tag.TagValue)
        {
            case UniversalTagNumber.Boolean:
                return BooleanValue.Of(reader.ReadBoolean());
            case UniversalTagNumber.Integer:
                return NumberValue.Of(reader.ReadInteger());
            case UniversalTagNumber.OctetString:
                return B64(reader.ReadOctetString());
            case UniversalTagNumber.ObjectIdentifier:
                return CertificateJson.Oid(reader.ReadObjectIdentifier());
            case UniversalTagNumber.PrintableString:
            case UniversalTagNumber.IA5String:
            case UniversalTagNumber.UTF8String:
            case UniversalTagNumber.NumericString:
            case UniversalTagNumber.BMPString:
            case UniversalTagNumber.T61String:
                return new StringValue(reader.ReadCharacterString((UniversalTagNumber)tag.TagValue));
            case UniversalTagNumber.UtcTime:
                return new StringValue(reader.ReadUtcTime().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
            case UniversalTagNumber.GeneralizedTime:
                return new StringValue(reader.ReadGeneralizedTime().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
            default:
                return null;
        }
    }

    /// <summary>The extensions of an extensionRequest attribute, as Go's pkix.Extension, and the names of a SAN among them.</summary>
    private static void ReadExtensions(byte[] raw, List<Value> extensions, List<Value> dns, List<Value> emails, List<Value> ips, List<Value> uris)
    {
        var attribute = new AsnReader(raw, AsnEncodingRules.DER).ReadSequence();
        if (attribute.ReadObjectIdentifier() != ExtensionRequestOid)
        {
            return;
        }

        var values = attribute.ReadSetOf(skipSortOrderValidation: true);
        while (values.HasData)
        {
            var list = values.ReadSequence();
            while (list.HasData)
            {
                var extension = list.ReadSequence();
                var id = extension.ReadObjectIdentifier();
                var critical = extension.PeekTag().HasSameClassAndValue(Asn1Tag.Boolean) && extension.ReadBoolean();
                var value = extension.ReadOctetString();
                var e = new ObjectBuilder();
                e.Set(new StringValue("Id"), CertificateJson.Oid(id));
                e.Set(new StringValue("Critical"), BooleanValue.Of(critical));
                e.Set(new StringValue("Value"), B64(value));
                extensions.Add(e.Build());
                if (id == SubjectAltNameOid)
                {
                    CertificateJson.AlternativeNames(value, dns, emails, ips, uris);
                }
            }
        }
    }
}
