using System.Collections.Concurrent;
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
/// key, plus helpers that mint tokens signed with that key (or deliberately broken ones). For the authorization
/// code flow, <c>/authorize</c> signs in <see cref="User"/> at once (redirecting back with a code and the state)
/// and <c>/token</c> exchanges the code for an ID token and an access token, checking the PKCE verifier.
/// </summary>
public sealed class TestOidcIssuer : IAsyncDisposable
{
    public const string Audience = "steward";
    public const string KeyId = "test-key-1";

    private readonly WebApplication _app;
    private readonly RSA _rsa;
    private readonly ConcurrentDictionary<string, PendingCode> _codes = new();

    private sealed record PendingCode(IDictionary<string, object> User, string ClientId, string RedirectUri, string? Nonce, string Challenge, string Method);

    private TestOidcIssuer(WebApplication app, RSA rsa, string issuer)
    {
        _app = app;
        _rsa = rsa;
        Issuer = issuer;
    }

    /// <summary>The issuer URL, exactly as it appears in the discovery document and in <c>iss</c>.</summary>
    public string Issuer { get; }

    /// <summary>The claims of whoever signs in next at <c>/authorize</c> (<c>sub</c>, <c>email</c>, <c>roles</c>...).</summary>
    public IDictionary<string, object> User { get; set; } = new Dictionary<string, object>();

    /// <summary>The client secret <c>/token</c> requires; none (a public client) by default.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The query of the last <c>/authorize</c> request.</summary>
    public IQueryCollection? LastAuthorizeRequest { get; private set; }

    /// <summary>How many codes <c>/token</c> refused (wrong verifier, redirect URI, client or secret; unknown code).</summary>
    public int RefusedTokenRequests => _refused;
    private int _refused;

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
        TestOidcIssuer? self = null;
        app.MapGet("/authorize", (HttpRequest request) => self!.Authorize(request));
        app.MapPost("/token", (HttpRequest request) => self!.TokenAsync(request));
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = issuer!,
            ["jwks_uri"] = $"{issuer}/jwks",
            ["authorization_endpoint"] = $"{issuer}/authorize",
            ["token_endpoint"] = $"{issuer}/token",
            ["code_challenge_methods_supported"] = new[] { "S256" },
            ["token_endpoint_auth_methods_supported"] = new[] { "none", "client_secret_post" },
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
        self = new TestOidcIssuer(app, rsa, issuer);
        return self;
    }

    private IResult Authorize(HttpRequest request)
    {
        var q = request.Query;
        LastAuthorizeRequest = q;
        if (q["response_type"] != "code" || string.IsNullOrEmpty(q["redirect_uri"]) || string.IsNullOrEmpty(q["code_challenge"]))
            return Results.BadRequest("expected response_type=code with redirect_uri and code_challenge");
        var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        _codes[code] = new PendingCode(new Dictionary<string, object>(User), q["client_id"].ToString(), q["redirect_uri"].ToString(),
            q["nonce"].FirstOrDefault(), q["code_challenge"].ToString(), q["code_challenge_method"].FirstOrDefault() ?? "plain");
        var separator = q["redirect_uri"].ToString().Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return Results.Redirect($"{q["redirect_uri"]}{separator}code={Uri.EscapeDataString(code)}&state={Uri.EscapeDataString(q["state"].ToString())}");
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        if (form["grant_type"] != "authorization_code" || !_codes.TryRemove(form["code"].ToString(), out var pending))
            return Refuse("invalid_grant");
        var verifier = form["code_verifier"].ToString();
        var expected = pending.Method == "S256"
            ? Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)))
            : verifier;
        if (verifier.Length == 0 || pending.Method != "S256" || expected != pending.Challenge)
            return Refuse("invalid_grant");
        if (form["redirect_uri"] != pending.RedirectUri || form["client_id"] != pending.ClientId)
            return Refuse("invalid_grant");
        if (ClientSecret is not null && form["client_secret"] != ClientSecret)
            return Refuse("invalid_client");

        var idClaims = new Dictionary<string, object>(pending.User);
        if (pending.Nonce is not null) idClaims["nonce"] = pending.Nonce;
        return Results.Json(new Dictionary<string, object>
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = 600,
            ["id_token"] = Token(idClaims, audience: pending.ClientId),
            ["access_token"] = Token(new Dictionary<string, object>(pending.User)),
        });
    }

    private IResult Refuse(string error)
    {
        Interlocked.Increment(ref _refused);
        return Results.Json(new { error }, statusCode: StatusCodes.Status400BadRequest);
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
