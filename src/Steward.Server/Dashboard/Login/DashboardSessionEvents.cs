using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Steward.Governance.Identity;
using Steward.Server.Auth;

namespace Steward.Server.Dashboard.Login;

/// <summary>
/// Ends a dashboard session as soon as the API key it was opened with is revoked or expires: the cookie
/// alone would otherwise stay valid for its whole (sliding) lifetime.
/// </summary>
internal sealed class DashboardSessionEvents(ApiKeyStore keys, TimeProvider time) : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var keyId = context.Principal?.FindFirstValue(StewardClaims.KeyId);
        if (keyId is null || !await IsActiveAsync(keyId, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    private async Task<bool> IsActiveAsync(string keyId, CancellationToken ct) =>
        await keys.FindAsync(keyId, ct) is { RevokedAt: null } key && (key.ExpiresAt is not { } expires || expires > time.GetUtcNow());
}
