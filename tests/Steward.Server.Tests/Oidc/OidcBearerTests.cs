using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace Steward.Server.Tests.Oidc;

public sealed class OidcBearerTests(OidcFixture fixture) : IClassFixture<OidcFixture>
{
    private const string Email = "carol@example.com";

    private TestOidcIssuer Issuer => fixture.Issuer;
    private StewardTestServer Server => fixture.Server;

    private static Dictionary<string, object> Claims(params string[] roles) => new()
    {
        ["sub"] = "user-7f3a",
        ["email"] = Email,
        ["roles"] = roles,
    };

    private static async Task<JsonObject> MeAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static string[] RolesOf(JsonObject me) => me["roles"]!.AsArray().Select(r => r!.GetValue<string>()).ToArray();

    [Fact]
    public async Task ValidToken_IsTheEmailActor_WithItsStewardRoles()
    {
        using var client = Server.Client(Issuer.Token(Claims("approver")));
        var me = await MeAsync(client);
        Assert.Equal(Email, me["id"]!.GetValue<string>());
        Assert.Equal(Email, me["name"]!.GetValue<string>());
        Assert.Equal("person", me["kind"]!.GetValue<string>());
        Assert.Equal(["approver"], RolesOf(me));
    }

    [Fact]
    public async Task ValidToken_RecordsDecision_AndTheLedgerEntryActorIsTheEmail()
    {
        var systemId = (await Server.RegisterSystemAsync($"oidc-{Guid.NewGuid():N}"))["id"]!.GetValue<string>();
        using var approver = Server.Client(Issuer.Token(Claims("approver")));

        var response = await approver.PostAsJsonAsync("/api/v1/decisions", new
        {
            type = "deployment_approval",
            subject = new { kind = "system", id = systemId },
            outcome = "approved",
            rationale = "Approved through the identity provider.",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var decision = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(Email, decision["actor"]!["id"]!.GetValue<string>());

        var entry = (await approver.GetFromJsonAsync<JsonObject>($"/api/v1/ledger/entries/{decision["ledger_index"]!.GetValue<long>()}"))!;
        var evt = entry["event"]!;
        Assert.Equal("decision.recorded", evt["type"]!.GetValue<string>());
        Assert.Equal(Email, evt["actor"]!["id"]!.GetValue<string>());
        Assert.Equal("person", evt["actor"]!["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task OnlyStewardRoleNames_AreKept()
    {
        using var client = Server.Client(Issuer.Token(Claims("approver", "superuser", "Admin", "ADMIN")));
        Assert.Equal(["approver"], RolesOf(await MeAsync(client)));

        var response = await client.PostAsJsonAsync("/api/v1/api-keys", new { name = "escalation", roles = new[] { "admin" } });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("unknown role")]
    [InlineData("no roles claim")]
    public async Task TokenWithoutStewardRole_IsForbiddenOnReads(string variant)
    {
        var claims = Claims("viewer");
        if (variant == "no roles claim") claims.Remove("roles");
        using var client = Server.Client(Issuer.Token(claims));
        foreach (var path in new[] { "/api/v1/me", "/api/v1/systems", "/api/v1/ledger/tree" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            await StewardTestServer.ProblemAsync(response);
        }
    }

    [Fact]
    public async Task ActorFallsBackToSub_WhenTheTokenHasNoEmail()
    {
        var claims = Claims("auditor");
        claims.Remove("email");
        using var client = Server.Client(Issuer.Token(claims));
        var me = await MeAsync(client);
        Assert.Equal("user-7f3a", me["id"]!.GetValue<string>());
        Assert.Equal(["auditor"], RolesOf(me));
    }

    [Fact]
    public async Task TokenWithNeitherEmailNorSub_IsUnauthorized()
    {
        using var client = Server.Client(Issuer.Token(new Dictionary<string, object> { ["roles"] = new[] { "admin" } }));
        var response = await client.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await StewardTestServer.ProblemAsync(response);
    }

    [Theory]
    [InlineData("expired", "expired")]
    [InlineData("wrong audience", "audience")]
    [InlineData("wrong issuer", "issuer")]
    [InlineData("another key, same kid", "signature")]
    [InlineData("another key, unknown kid", "signature")]
    [InlineData("alg none", "signature")]
    [InlineData("HS256 keyed with the public key", "signature")]
    public async Task InvalidToken_IsUnauthorized_WithProblemDetails(string variant, string reason)
    {
        var claims = Claims("admin");
        using var otherKey = RSA.Create(2048);
        var token = variant switch
        {
            "expired" => Issuer.Token(claims, expires: DateTime.UtcNow.AddMinutes(-10)),
            "wrong audience" => Issuer.Token(claims, audience: "another-service"),
            "wrong issuer" => Issuer.Token(claims, issuer: "https://idp.attacker.example"),
            "another key, same kid" => Issuer.Token(claims, signingKey: new RsaSecurityKey(otherKey) { KeyId = TestOidcIssuer.KeyId }),
            "another key, unknown kid" => Issuer.Token(claims, signingKey: new RsaSecurityKey(otherKey) { KeyId = "attacker-key" }),
            "alg none" => Issuer.UnsignedToken(claims),
            "HS256 keyed with the public key" => HmacWithPublicKey(claims),
            _ => throw new ArgumentOutOfRangeException(nameof(variant)),
        };
        Assert.Equal(2, token.Count(c => c == '.'));

        using var client = Server.Client(token);
        var response = await client.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await StewardTestServer.ProblemAsync(response);
        // The token reached JwtBearer (not the API-key handler) and was refused for the intended reason.
        var challenge = response.Headers.WwwAuthenticate.ToString();
        Assert.Contains("invalid_token", challenge, StringComparison.Ordinal);
        Assert.Contains(reason, challenge, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The classic key-confusion attack: HMAC-SHA256 whose secret is the issuer's public key (PEM).</summary>
    private string HmacWithPublicKey(Dictionary<string, object> claims)
    {
        var key = new SymmetricSecurityKey(System.Text.Encoding.ASCII.GetBytes(Issuer.PublicKeyPem)) { KeyId = TestOidcIssuer.KeyId };
        return Issuer.Token(claims, signingKey: key);
    }

    [Fact]
    public async Task ApiKeys_StillWork_AlongsideOidc()
    {
        using var admin = Server.Client();
        Assert.Contains("admin", RolesOf(await MeAsync(admin)));

        var name = $"auditor-{Guid.NewGuid():N}";
        using var auditor = Server.Client(await Server.KeyAsync(name, "auditor"));
        var me = await MeAsync(auditor);
        Assert.Equal(name, me["id"]!.GetValue<string>());
        Assert.Equal(["auditor"], RolesOf(me));

        using var wrong = Server.Client("stw_00000000_not-a-real-key-at-all-0000000000");
        var response = await wrong.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await StewardTestServer.ProblemAsync(response);
    }

    [Fact]
    public async Task ConfiguredActorAndRoleClaims_AreUsed()
    {
        await using var server = await OidcFixture.StartStewardAsync(Issuer, new Dictionary<string, string?>
        {
            ["Auth:Oidc:ActorClaim"] = "preferred_username",
            ["Auth:Oidc:RoleClaim"] = "groups",
        });
        var claims = Claims("admin");
        claims["preferred_username"] = "carol";
        claims["groups"] = new[] { "auditor", "finance" };
        using var client = server.Client(Issuer.Token(claims));
        var me = await MeAsync(client);
        Assert.Equal("carol", me["id"]!.GetValue<string>());
        Assert.Equal(["auditor"], RolesOf(me));
    }

    [Fact]
    public async Task UnreachableIssuer_RefusesTokens_ButApiKeysStillWork()
    {
        await using var server = await OidcFixture.StartStewardAsync(Issuer, new Dictionary<string, string?>
        {
            ["Auth:Oidc:Authority"] = "http://127.0.0.1:1",
        });
        using var tokenClient = server.Client(Issuer.Token(Claims("admin")));
        var response = await tokenClient.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await StewardTestServer.ProblemAsync(response);

        using var admin = server.Client();
        Assert.Contains("admin", RolesOf(await MeAsync(admin)));
    }

    [Fact]
    public async Task WithoutAnAuthority_ValidTokensAreRefused()
    {
        await using var server = await StewardTestServer.StartAsync();
        using var client = server.Client(Issuer.Token(Claims("admin")));
        var response = await client.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await StewardTestServer.ProblemAsync(response);
    }

    [Fact]
    public async Task UnverifiedEmail_DoesNotNameAnActor()
    {
        var claims = Claims("admin");
        claims["email_verified"] = false;
        using var client = Server.Client(Issuer.Token(claims));
        var response = await client.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await StewardTestServer.ProblemAsync(response);
    }

    [Theory]
    [InlineData("http://127.0.0.1:1", null, "steward", "https")]
    [InlineData("https://idp.example.com", null, null, "Audience")]
    [InlineData("not a url", "false", "steward", "absolute URL")]
    public async Task MisconfiguredOidc_FailsAtStart_WithAClearMessage(string authority, string? requireHttps, string? audience, string expected)
    {
        var settings = new Dictionary<string, string?> { ["Auth:Oidc:Authority"] = authority, ["Auth:Oidc:Audience"] = audience };
        if (requireHttps is not null) settings["Auth:Oidc:RequireHttpsMetadata"] = requireHttps;
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StewardTestServer.StartAsync(settings));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
