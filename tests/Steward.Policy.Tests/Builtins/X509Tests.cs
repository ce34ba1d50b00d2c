using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Steward.Policy.Values;

namespace Steward.Policy.Tests.Builtins;

public sealed class X509Tests
{
    [Fact]
    public void ParseCertificates_ExposesGoFieldNames()
    {
        var (root, leaf) = Chain();
        var parsed = (ArrayValue)Call.Value("crypto.x509.parse_certificates", Call.S(Pem(leaf)))!;
        var cert = (ObjectValue)parsed[0];
        Assert.Equal(Call.Str("leaf.example.com"), ((ObjectValue)cert.Get("Subject")!).Get("CommonName")!.ToJson());
        Assert.Equal("[\"Example\"]", ((ObjectValue)cert.Get("Subject")!).Get("Organization")!.ToJson());
        Assert.Equal(Call.Str("Test Root"), ((ObjectValue)cert.Get("Issuer")!).Get("CommonName")!.ToJson());
        Assert.Equal("[\"leaf.example.com\",\"*.leaf.example.com\"]", cert.Get("DNSNames")!.ToJson());
        Assert.Equal("4", cert.Get("SignatureAlgorithm")!.ToJson());
        Assert.Equal("1", cert.Get("PublicKeyAlgorithm")!.ToJson());
        Assert.Equal("false", cert.Get("IsCA")!.ToJson());
        Assert.Equal("[1]", cert.Get("ExtKeyUsage")!.ToJson());
        Assert.Equal("2", ((ArrayValue)Call.Value("crypto.x509.parse_certificates", Call.S(Pem(root) + Pem(leaf)))!).Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("PEM block type is 'PUBLIC KEY', expected CERTIFICATE", Call.Error("crypto.x509.parse_certificates", Call.Str("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n")));
    }

    [Fact]
    public void ParseAndVerify_BuildsTheChainFromTheFirstCertificate()
    {
        var (root, leaf) = Chain();
        var (otherRoot, _) = Chain();
        var ok = (ArrayValue)Call.Value("crypto.x509.parse_and_verify_certificates", Call.S(Pem(root) + Pem(leaf)))!;
        Assert.Equal("true", ok[0].ToJson());
        Assert.Equal(2, ((ArrayValue)ok[1]).Count);
        Assert.Equal("[false,[]]", Call.Value("crypto.x509.parse_and_verify_certificates", Call.S(Pem(otherRoot) + Pem(leaf)))!.ToJson());
        Assert.Equal("[false,[]]", Call.Value("crypto.x509.parse_and_verify_certificates", Call.S(Pem(leaf)))!.ToJson());
        var withName = (ArrayValue)Call.Value("crypto.x509.parse_and_verify_certificates_with_options", Call.S(Pem(root) + Pem(leaf)), ValueJson.Parse("{\"DNSName\": \"a.leaf.example.com\"}"))!;
        Assert.Equal("true", withName[0].ToJson());
        Assert.Equal("[false,[]]", Call.Value("crypto.x509.parse_and_verify_certificates_with_options", Call.S(Pem(root) + Pem(leaf)), ValueJson.Parse("{\"DNSName\": \"other.com\"}"))!.ToJson());
        Assert.Equal("[false,[]]", Call.Value("crypto.x509.parse_and_verify_certificates_with_options", Call.S(Pem(root) + Pem(leaf)), ValueJson.Parse("{\"KeyUsages\": [\"KeyUsageCodeSigning\"]}"))!.ToJson());
    }

    private static string Pem(X509Certificate2 cert) => cert.ExportCertificatePem() + "\n";

    private static (X509Certificate2 Root, X509Certificate2 Leaf) Chain()
    {
        using var rootKey = RSA.Create(2048);
        var rootRequest = new CertificateRequest("CN=Test Root", rootKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var now = DateTimeOffset.UtcNow;
        var root = rootRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
        using var leafKey = RSA.Create(2048);
        var leafRequest = new CertificateRequest("CN=leaf.example.com, O=Example", leafKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("leaf.example.com");
        san.AddDnsName("*.leaf.example.com");
        leafRequest.CertificateExtensions.Add(san.Build());
        leafRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var leaf = leafRequest.Create(root, now.AddDays(-1), now.AddDays(10), [1, 2, 3, 4]);
        return (root, leaf);
    }
}
