using System.Security.Claims;
using Steward.Governance.Identity;

namespace Steward.Server.Auth;

/// <summary>
/// Turns a validated OIDC token's claims into Steward's identity: the actor (a configured claim, falling back to
/// <c>sub</c>) and the Steward role names it carries. Shared by API bearer tokens and dashboard sign-in.
/// </summary>
internal static class OidcIdentity
{
    /// <summary>The Steward principal for <paramref name="token"/>, or why the token names no actor.</summary>
    public static (ClaimsPrincipal? Principal, string? Error) Map(ClaimsPrincipal token, OidcOptions oidc, string scheme)
    {
        // An unverified email must not name an actor: anyone could claim someone else's address.
        if (oidc.ActorClaim == "email" && token.FindFirstValue("email_verified") is "false" or "False")
            return (null, "the token's email is not verified");
        var actor = token.FindFirstValue(oidc.ActorClaim) ?? token.FindFirstValue("sub");
        if (actor is null)
            return (null, $"token has no '{oidc.ActorClaim}' claim");
        var roles = token.FindAll(oidc.RoleClaim).Select(c => c.Value).Where(Roles.All.Contains).ToList();
        return (StewardClaims.Principal(scheme, actor, roles, null), null);
    }
}
