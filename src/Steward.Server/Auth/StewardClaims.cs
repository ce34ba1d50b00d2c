using System.Security.Claims;
using Steward.Governance.Events;
using GovernanceRoles = Steward.Governance.Identity.Roles;

namespace Steward.Server.Auth;

/// <summary>How an authenticated identity is carried in claims, and turned into the ledger's actor.</summary>
internal static class StewardClaims
{
    public const string ActorId = "steward:actor";
    public const string ActorKind = "steward:actor_kind";
    public const string KeyId = "steward:api_key_id";
    /// <summary>On a dashboard session opened through OIDC sign-in (value: the issuer); such sessions carry no <see cref="KeyId"/>.</summary>
    public const string OidcIssuer = "steward:oidc_issuer";
    /// <summary>When the OIDC sign-in of a dashboard session happened (Unix seconds).</summary>
    public const string OidcSignedInAt = "steward:oidc_signed_in_at";

    public static ClaimsPrincipal Principal(string scheme, string actorId, IEnumerable<string> roles, string? keyId)
    {
        var roleList = roles.ToList();
        var claims = new List<Claim>
        {
            new(ActorId, actorId),
            new(ClaimTypes.Name, actorId),
            new(ActorKind, roleList.Contains(GovernanceRoles.Service) && !roleList.Contains(GovernanceRoles.Admin) ? "service" : "person"),
        };
        if (keyId is not null) claims.Add(new Claim(KeyId, keyId));
        claims.AddRange(roleList.Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    public static Actor Actor(this ClaimsPrincipal user) => new(
        user.FindFirstValue(ActorId) ?? throw new InvalidOperationException("request is not authenticated"),
        user.FindFirstValue(ActorKind) ?? "person");

    public static IReadOnlyList<string> Roles(this ClaimsPrincipal user) =>
        user.FindAll(ClaimTypes.Role).Select(c => c.Value).Distinct().ToList();
}
