using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Steward.Governance.Identity;

namespace Steward.Server.Auth;

/// <summary>Authenticates <c>Authorization: Bearer &lt;api key&gt;</c> against the stored key hashes.</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyStore keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = BearerToken.From(Request);
        if (token is null) return AuthenticateResult.NoResult();
        var key = await keys.AuthenticateAsync(token, Context.RequestAborted);
        if (key is null) return AuthenticateResult.Fail("unknown, revoked or expired API key");
        var principal = StewardClaims.Principal(SchemeName, key.Actor, key.Roles, key.Id);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}

/// <summary>Reads a bearer token from the Authorization header.</summary>
internal static class BearerToken
{
    public static string? From(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return null;
        var token = header["Bearer ".Length..].Trim();
        return token.Length == 0 ? null : token;
    }

    /// <summary>A JWT has three dot-separated parts; API keys have none.</summary>
    public static bool LooksLikeJwt(string token) => token.Count(c => c == '.') == 2;
}
