using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Steward.Governance.Identity;
using Steward.Server.Auth;

namespace Steward.Server.Dashboard.Login;

/// <summary>
/// Ends a dashboard session as soon as the API key it was opened with is revoked or expires: the cookie
/// alone would otherwise stay valid for its whole (sliding) lifetime. Sessions opened through OIDC sign-in carry
/// no key; the issuer is not asked again, so they end <see cref="OidcSessionLifetime"/> after the sign-in however
/// active they are, and the next sign-in picks up role changes made at the issuer.
/// </summary>
internal sealed class DashboardSessionEvents(ApiKeyStore keys, TimeProvider time) : CookieAuthenticationEvents
{
    public static readonly TimeSpan OidcSessionLifetime = TimeSpan.FromHours(8);

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var valid = principal?.FindFirstValue(StewardClaims.OidcIssuer) is not null
            ? IsFreshOidcSession(principal)
            : principal?.FindFirstValue(StewardClaims.KeyId) is { } keyId && await IsActiveAsync(keyId, context.HttpContext.RequestAborted);
        if (!valid)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    private bool IsFreshOidcSession(ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(StewardClaims.OidcSignedInAt), NumberStyles.None, CultureInfo.InvariantCulture, out var signedInAt)
        && DateTimeOffset.FromUnixTimeSeconds(signedInAt) + OidcSessionLifetime > time.GetUtcNow();

    private async Task<bool> IsActiveAsync(string keyId, CancellationToken ct) =>
        await keys.FindAsync(keyId, ct) is { RevokedAt: null } key && (key.ExpiresAt is not { } expires || expires > time.GetUtcNow());
}
