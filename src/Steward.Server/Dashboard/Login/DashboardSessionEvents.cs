using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Steward.Governance.Identity;
using Steward.Governance.Paging;
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

    /// <summary>
    /// Whether the key is still active. The store has no lookup by id, so this walks the key list (a handful of
    /// pages at most in practice) — a <c>GetAsync(id)</c> on <see cref="ApiKeyStore"/> would make it one query.
    /// </summary>
    private async Task<bool> IsActiveAsync(string keyId, CancellationToken ct)
    {
        string? cursor = null;
        do
        {
            var page = await keys.ListAsync(cursor, Cursor.MaxLimit, ct);
            if (page.Items.FirstOrDefault(k => k.Id == keyId) is { } key)
                return key.RevokedAt is null && (key.ExpiresAt is not { } expires || expires > time.GetUtcNow());
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return false;
    }
}
