using System.Net;

namespace Steward.Server.Tests.Oidc;

/// <summary>Dashboard sign-in through the test issuer: authorization code with PKCE, driven with plain HttpClient.</summary>
public sealed class OidcDashboardTests(OidcFixture fixture) : IClassFixture<OidcFixture>
{
    private const string Email = "dana@example.com";
    private const string ClientId = "steward-dashboard";

    private TestOidcIssuer Issuer => fixture.Issuer;

    private Task<StewardTestServer> StartAsync(string? clientSecret = null) =>
        OidcFixture.StartStewardAsync(Issuer, new Dictionary<string, string?>
        {
            ["Auth:Oidc:ClientId"] = ClientId,
            ["Auth:Oidc:ClientSecret"] = clientSecret,
        });

    private static Dictionary<string, object> User(params string[] roles) => new()
    {
        ["sub"] = "user-9c1d",
        ["email"] = Email,
        ["roles"] = roles,
    };

    /// <summary>A browser-like client: keeps cookies (the issuer and Steward share a host) and follows redirects.</summary>
    private static (HttpClient Client, CookieContainer Cookies) Browser(StewardTestServer server, bool follow = true)
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = follow }) { BaseAddress = server.BaseAddress };
        return (client, cookies);
    }

    private static bool HasSession(CookieContainer cookies, StewardTestServer server) =>
        cookies.GetCookies(server.BaseAddress).Any(c => c.Name == "steward.session");

    [Fact]
    public async Task OidcSignIn_OpensADashboardSession_ForTheEmailActor()
    {
        await using var server = await StartAsync();
        Issuer.User = User("approver", "finance");
        var (client, cookies) = Browser(server);
        using var _ = client;

        var login = await client.GetStringAsync("/ui/login?returnUrl=%2Fui%2Faudit");
        Assert.Contains("id=\"oidc-sign-in\" href=\"/ui/login/oidc?returnUrl=%2Fui%2Faudit\"", login, StringComparison.Ordinal);

        var landed = await client.GetAsync("/ui/login/oidc?returnUrl=%2Fui%2Faudit");
        Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
        Assert.Equal("/ui/login/oidc/continue", landed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("<meta http-equiv=\"refresh\" content=\"0;url=/ui/audit\">", await landed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(HasSession(cookies, server));

        // The issuer saw a PKCE challenge and answered in the query string; Steward redeemed the code with the verifier.
        var authorize = Issuer.LastAuthorizeRequest!;
        Assert.Equal("S256", authorize["code_challenge_method"].ToString());
        Assert.Equal(ClientId, authorize["client_id"].ToString());
        Assert.Equal($"{server.BaseAddress.ToString().TrimEnd('/')}/ui/signin-oidc", authorize["redirect_uri"].ToString());
        Assert.Equal(0, Issuer.RefusedTokenRequests);

        foreach (var path in new[] { "/ui/audit", "/ui/inventory" })
        {
            var page = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal(path, page.RequestMessage!.RequestUri!.AbsolutePath);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains($"Signed in as <strong>{Email}</strong>", html, StringComparison.Ordinal);
            Assert.Contains("title=\"Roles\">approver</span>", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task OidcSignIn_WithAClientSecret_RedeemsTheCode()
    {
        await using var server = await StartAsync(clientSecret: "s3cret-for-tests");
        Issuer.User = User("auditor");
        Issuer.ClientSecret = "s3cret-for-tests";
        try
        {
            var (client, cookies) = Browser(server);
            using var _ = client;
            var landed = await client.GetAsync("/ui/login/oidc");
            Assert.Equal("/ui/login/oidc/continue", landed.RequestMessage!.RequestUri!.AbsolutePath);
            var page = await client.GetStringAsync("/ui/inventory");
            Assert.Contains($"Signed in as <strong>{Email}</strong>", page, StringComparison.Ordinal);
        }
        finally
        {
            Issuer.ClientSecret = null;
        }
    }

    [Theory]
    [InlineData("no Steward role", "oidc_no_role", "no Steward role")]
    [InlineData("unverified email", "oidc_failed", "did not complete")]
    public async Task RefusedIdentity_EndsOnTheLoginPage_WithAnErrorAndNoSession(string variant, string code, string message)
    {
        await using var server = await StartAsync();
        var user = variant == "no Steward role" ? User("viewer") : User("admin");
        if (variant == "unverified email") user["email_verified"] = false;
        Issuer.User = user;
        var (client, cookies) = Browser(server);
        using var _ = client;

        var landed = await client.GetAsync("/ui/login/oidc");
        Assert.Equal("/ui/login", landed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal($"?error={code}", landed.RequestMessage.RequestUri.Query);
        var html = await landed.Content.ReadAsStringAsync();
        Assert.Contains("id=\"login-error\"", html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.False(HasSession(cookies, server));

        using var noRedirect = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
        var page = await noRedirect.GetAsync("/ui/inventory");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/ui/login", page.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task WithoutAClientId_TheDashboardOffersNoOidcSignIn()
    {
        await using var server = await OidcFixture.StartStewardAsync(Issuer);
        var (client, _) = Browser(server, follow: false);
        using var __ = client;

        var login = await client.GetStringAsync("/ui/login");
        Assert.DoesNotContain("oidc-sign-in", login, StringComparison.Ordinal);
        Assert.DoesNotContain("Sign in with OIDC", login, StringComparison.Ordinal);
        Assert.Contains("Auth:Oidc:ClientId", login, StringComparison.Ordinal);

        var challenge = await client.GetAsync("/ui/login/oidc");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Assert.Equal("/ui/login", challenge.Headers.Location!.OriginalString);
    }
}
