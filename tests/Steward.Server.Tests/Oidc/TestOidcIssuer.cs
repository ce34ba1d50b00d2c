using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Steward.Server.Tests.Oidc;

/// <summary>
/// A minimal OIDC issuer on Kestrel (loopback, random port): a discovery document and a JWKS holding one RSA
/// key, plus helpers that mint tokens signed with that key (or deliberately broken ones).
/// </summary>
public sealed class TestOidcIssuer : IAsyncDisposable
{
    public const string Audience = "steward";
    public const string KeyId = "test-key-1";

    private readonly WebApplication _app;
    private readonly RSA _rsa;

    private TestOidcIssuer(WebApplication app, RSA rsa, string issuer)
    {
        _app = app;
        _rsa = rsa;
        Issuer = issuer;
    }

    /// <summary>The issuer URL, exactly as it appears in the discovery document and in <c>iss</c>.</summary>
    public string Issuer { get; }

    /// <summary>The signing key's public half as SPKI PEM.</summary>
    public string PublicKeyPem => _rsa.ExportSubjectPublicKeyInfoPem();

    public static async Task<TestOidcIssuer> StartAsync()
    {
        var rsa = RSA.Create(2048);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        string? issuer = null;
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = issuer!,
            ["jwks_uri"] = $"{issuer}/jwks",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["subject_types_supported"] = new[] { "public" },
            ["response_types_supported"] = new[] { "code" },
        }));
        var publicKey = rsa.ExportParameters(includePrivateParameters: false);
        app.MapGet("/jwks", () => Results.Json(new
        {
            keys = new[]
            {
                new
                {
                    kty = "RSA", use = "sig", alg = "RS256", kid = KeyId,
                    n = Base64UrlEncoder.Encode(publicKey.Modulus), e = Base64UrlEncoder.Encode(publicKey.Exponent),
                },
            },
        }));
        await app.StartAsync();
        issuer = app.Urls.First().TrimEnd('/');
        return new TestOidcIssuer(app, rsa, issuer);
    }

    /// <summary>A token signed with the issuer's key (or <paramref name="signingKey"/>: RS256, or HS256 for a symmetric key). Claims are the JWT payload members (arrays stay arrays).</summary>
    public string Token(IDictionary<string, object> claims, string? issuer = null, string audience = Audience,
        DateTime? expires = null, SecurityKey? signingKey = null)
    {
        var exp = expires ?? DateTime.UtcNow.AddMinutes(10);
        var key = signingKey ?? new RsaSecurityKey(_rsa) { KeyId = KeyId };
        var algorithm = key is SymmetricSecurityKey ? SecurityAlgorithms.HmacSha256 : SecurityAlgorithms.RsaSha256;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience,
            IssuedAt = exp.AddMinutes(-20),
            NotBefore = exp.AddMinutes(-20),
            Expires = exp,
            Claims = claims,
            SigningCredentials = new SigningCredentials(key, algorithm),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>An unsigned token (<c>alg: none</c>, empty signature) with otherwise valid claims.</summary>
    public string UnsignedToken(IDictionary<string, object> claims)
    {
        var now = DateTimeOffset.UtcNow;
        var payload = new Dictionary<string, object>(claims)
        {
            ["iss"] = Issuer,
            ["aud"] = Audience,
            ["iat"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
            ["nbf"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
            ["exp"] = now.AddMinutes(10).ToUnixTimeSeconds(),
        };
        static string Part(object value) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value)));
        return $"{Part(new { alg = "none", typ = "JWT", kid = KeyId })}.{Part(payload)}.";
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _rsa.Dispose();
    }
}
