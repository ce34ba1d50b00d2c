using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Steward.Server.Auth;
using Steward.Server.Dashboard.Login;

namespace Steward.Server.Tests.Oidc;

/// <summary>A dashboard session opened through OIDC has no API key to re-check: it ends a fixed time after sign-in.</summary>
public sealed class OidcSessionLifetimeTests
{
    private static readonly DateTimeOffset SignedInAt = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static async Task<ClaimsPrincipal?> ValidateAsync(TimeSpan later, bool withSignInTime = true)
    {
        var time = new FakeTimeProvider(SignedInAt + later);
        var principal = StewardClaims.Principal(CookieAuthenticationDefaults.AuthenticationScheme, "erin@example.com", ["auditor"], null);
        var identity = (ClaimsIdentity)principal.Identity!;
        identity.AddClaim(new Claim(StewardClaims.OidcIssuer, "https://idp.example.com"));
        if (withSignInTime)
            identity.AddClaim(new Claim(StewardClaims.OidcSignedInAt, SignedInAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));

        var services = new ServiceCollection().AddLogging().AddAuthentication().AddCookie().Services.BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services };
        var scheme = new AuthenticationScheme(CookieAuthenticationDefaults.AuthenticationScheme, null, typeof(CookieAuthenticationHandler));
        var context = new CookieValidatePrincipalContext(http, scheme, new CookieAuthenticationOptions(),
            new AuthenticationTicket(principal, CookieAuthenticationDefaults.AuthenticationScheme));
        // No API key is involved: the key store is never consulted for an OIDC session.
        await new DashboardSessionEvents(null!, time).ValidatePrincipal(context);
        return context.Principal;
    }

    [Fact]
    public async Task OidcSession_IsKept_WithinItsLifetime() =>
        Assert.NotNull(await ValidateAsync(DashboardSessionEvents.OidcSessionLifetime - TimeSpan.FromMinutes(1)));

    [Fact]
    public async Task OidcSession_Ends_AfterItsLifetime_HoweverActive() =>
        Assert.Null(await ValidateAsync(DashboardSessionEvents.OidcSessionLifetime + TimeSpan.FromMinutes(1)));

    [Fact]
    public async Task OidcSession_WithoutASignInTime_IsRejected() =>
        Assert.Null(await ValidateAsync(TimeSpan.Zero, withSignInTime: false));
}
