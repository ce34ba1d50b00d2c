using System.Security.Cryptography;
using Steward.Policy.Values;

namespace Steward.Policy.Tests.Builtins;

public sealed class JwtTests
{
    private const string JwtIo =
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

    [Fact]
    public void Decode_SplitsHeaderPayloadAndHexSignature()
    {
        var result = Call.Json("io.jwt.decode", Call.Str(JwtIo));
        Assert.Equal(
            "[{\"alg\":\"HS256\",\"typ\":\"JWT\"},{\"iat\":1516239022,\"name\":\"John Doe\",\"sub\":\"1234567890\"},\"49f94ac7044948c78a285d904f87f0a4c7897f7e8f3a4eb2255fda750b2cc397\"]",
            result);
        Assert.Equal("encoded JWT had no period separators", Call.Error("io.jwt.decode", "\"abc\""));
        Assert.Equal("encoded JWT must have 3 sections, found 2", Call.Error("io.jwt.decode", "\"a.b\""));
    }

    [Fact]
    public void VerifyHs256_ChecksTheSecret()
    {
        Assert.Equal("true", Call.Json("io.jwt.verify_hs256", Call.Str(JwtIo), "\"your-256-bit-secret\""));
        Assert.Equal("false", Call.Json("io.jwt.verify_hs256", Call.Str(JwtIo), "\"wrong\""));
    }

    [Fact]
    public void DecodeVerify_ChecksSignatureAndClaims()
    {
        var ok = Call.Json("io.jwt.decode_verify", Call.Str(JwtIo), "{\"secret\": \"your-256-bit-secret\", \"alg\": \"HS256\"}");
        Assert.StartsWith("[true,{\"alg\":\"HS256\"", ok, StringComparison.Ordinal);
        Assert.Equal("[false,{},{}]", Call.Json("io.jwt.decode_verify", Call.Str(JwtIo), "{\"secret\": \"nope\"}"));
        Assert.Equal("[false,{},{}]", Call.Json("io.jwt.decode_verify", Call.Str(JwtIo), "{\"secret\": \"your-256-bit-secret\", \"aud\": \"x\"}"));
        Assert.Equal("no key constraint", Call.Error("io.jwt.decode_verify", Call.Str(JwtIo), "{}"));
        Assert.Equal("unknown token validation constraint: foo", Call.Error("io.jwt.decode_verify", Call.Str(JwtIo), "{\"foo\": 1}"));
    }

    [Fact]
    public void DecodeVerify_RejectsExpiredTokensAgainstTheGivenTime()
    {
        var token = Call.Json("io.jwt.encode_sign", "{\"alg\": \"HS256\"}", "{\"exp\": 1000, \"nbf\": 500}", "{\"kty\": \"oct\", \"k\": \"c2VjcmV0\"}")!;
        Assert.StartsWith("[true", Call.Json("io.jwt.decode_verify", token, "{\"secret\": \"secret\", \"time\": 700000000000}"), StringComparison.Ordinal);
        Assert.Equal("[false,{},{}]", Call.Json("io.jwt.decode_verify", token, "{\"secret\": \"secret\", \"time\": 1000000000000}"));
        Assert.Equal("[false,{},{}]", Call.Json("io.jwt.decode_verify", token, "{\"secret\": \"secret\", \"time\": 400000000000}"));
    }

    [Fact]
    public void EncodeSign_RoundTripsWithRsaAndEcKeys()
    {
        using var rsa = RSA.Create(2048);
        var p = rsa.ExportParameters(true);
        var privateJwk = $"{{\"kty\":\"RSA\",\"n\":\"{B(p.Modulus!)}\",\"e\":\"{B(p.Exponent!)}\",\"d\":\"{B(p.D!)}\",\"p\":\"{B(p.P!)}\",\"q\":\"{B(p.Q!)}\",\"dp\":\"{B(p.DP!)}\",\"dq\":\"{B(p.DQ!)}\",\"qi\":\"{B(p.InverseQ!)}\"}}";
        var publicJwk = $"{{\"kty\":\"RSA\",\"n\":\"{B(p.Modulus!)}\",\"e\":\"{B(p.Exponent!)}\"}}";
        var token = Call.Value("io.jwt.encode_sign", ValueJson.Parse("{\"alg\": \"RS256\", \"typ\": \"JWT\"}"), ValueJson.Parse("{\"sub\": \"me\"}"), ValueJson.Parse(privateJwk))!;
        Assert.Equal("true", Call.Value("io.jwt.verify_rs256", token, Call.S(publicJwk))!.ToJson());
        Assert.Equal("false", Call.Value("io.jwt.verify_ps256", token, Call.S(publicJwk))!.ToJson());
        var pem = "-----BEGIN PUBLIC KEY-----\n" + Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo(), Base64FormattingOptions.InsertLineBreaks) + "\n-----END PUBLIC KEY-----\n";
        Assert.Equal("true", Call.Value("io.jwt.verify_rs256", token, Call.S(pem))!.ToJson());
        Assert.StartsWith("[true", Call.Value("io.jwt.decode_verify", token, ValueJson.Parse($"{{\"cert\": {Call.Str(pem)}}}"))!.ToJson(), StringComparison.Ordinal);

        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var q = ec.ExportParameters(true);
        var ecJwk = $"{{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"{B(q.Q.X!)}\",\"y\":\"{B(q.Q.Y!)}\",\"d\":\"{B(q.D!)}\"}}";
        var ecToken = Call.Value("io.jwt.encode_sign_raw", Call.S("{\"alg\":\"ES256\"}"), Call.S("{\"a\":1}"), Call.S(ecJwk))!;
        Assert.Equal("true", Call.Value("io.jwt.verify_es256", ecToken, Call.S($"{{\"keys\": [{ecJwk}]}}"))!.ToJson());
    }

    [Fact]
    public void EdDsa_SignsAndVerifiesWithOkpKeysAndPem()
    {
        var generator = new Org.BouncyCastle.Crypto.Generators.Ed25519KeyPairGenerator();
        generator.Init(new Org.BouncyCastle.Crypto.Parameters.Ed25519KeyGenerationParameters(new Org.BouncyCastle.Security.SecureRandom()));
        var pair = generator.GenerateKeyPair();
        var publicKey = ((Org.BouncyCastle.Crypto.Parameters.Ed25519PublicKeyParameters)pair.Public).GetEncoded();
        var privateKey = ((Org.BouncyCastle.Crypto.Parameters.Ed25519PrivateKeyParameters)pair.Private).GetEncoded();
        var jwk = $"{{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"{B(publicKey)}\",\"d\":\"{B(privateKey)}\"}}";
        var token = Call.Value("io.jwt.encode_sign_raw", Call.S("{\"alg\":\"EdDSA\"}"), Call.S("{\"a\":1}"), Call.S(jwk))!;
        Assert.Equal("true", Call.Value("io.jwt.verify_eddsa", token, Call.S(jwk))!.ToJson());
        var spki = Org.BouncyCastle.X509.SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(pair.Public).GetDerEncoded();
        var pem = "-----BEGIN PUBLIC KEY-----\n" + Convert.ToBase64String(spki) + "\n-----END PUBLIC KEY-----";
        Assert.Equal("true", Call.Value("io.jwt.verify_eddsa", token, Call.S(pem))!.ToJson());
        Assert.Equal("false", Call.Value("io.jwt.verify_es256", token, Call.S(pem))!.ToJson());
    }

    [Fact]
    public void ParseRsaPrivateKey_GivesAJwkThatSigns()
    {
        using var rsa = RSA.Create(2048);
        var pem = rsa.ExportRSAPrivateKeyPem();
        var jwk = Call.Value("crypto.x509.parse_rsa_private_key", Call.S(pem))!;
        Assert.Equal(Call.Str("RSA"), ((ObjectValue)jwk).Get("kty")!.ToJson());
        var token = Call.Value("io.jwt.encode_sign", ValueJson.Parse("{\"alg\": \"RS256\"}"), ValueJson.Parse("{}"), jwk)!;
        var publicPem = rsa.ExportSubjectPublicKeyInfoPem();
        Assert.Equal("true", Call.Value("io.jwt.verify_rs256", token, Call.S(publicPem))!.ToJson());
        Assert.Equal(jwk, Call.Value("crypto.x509.parse_rsa_private_key", Call.S(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(pem)))));
    }

    private static string B(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
