using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Steward.Governance.Identity;
using Steward.Governance.Storage;
using Steward.Server.Dashboard.Login;

namespace Steward.Server.Auth;

/// <summary>
/// Authentication (API keys, optional OIDC bearer tokens, the dashboard's cookie) and the role policies.
/// Everything requires an authenticated identity unless an endpoint opts out explicitly.
/// </summary>
internal static class AuthExtensions
{
    public const string Read = "read";
    public const string InventoryWrite = "inventory.write";
    public const string Ingest = "inventory.ingest";
    public const string Decide = "decide";
    public const string OwnKeys = "keys.own";
    public const string Admin = "admin";
    /// <summary>Analyse and anonymize text (PII): every role but auditor, whose role reads records and processes nothing.</summary>
    public const string Pii = "pii";
    private const string Selector = "Steward";

    public static void AddStewardAuth(this WebApplicationBuilder builder)
    {
        var oidc = builder.Configuration.GetSection("Auth:Oidc").Get<OidcOptions>();
        var store = builder.Configuration.GetSection("Store").Get<StoreOptions>() ?? new StoreOptions();
        // Keys that protect dashboard cookies live in the data directory, readable by the owner only.
        var keyDirectory = Path.Combine(Path.GetFullPath(store.DataDirectory), "dataprotection-keys");
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(keyDirectory);
        else Directory.CreateDirectory(keyDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        builder.Services.AddDataProtection()
            .PersistKeysToFileSystem(new DirectoryInfo(keyDirectory))
            .SetApplicationName("steward");

        var auth = builder.Services.AddAuthentication(Selector)
            .AddPolicyScheme(Selector, "API key, OIDC token or dashboard cookie", o => o.ForwardDefaultSelector = context =>
            {
                var token = BearerToken.From(context.Request);
                if (token is null)
                    return context.Request.Path.StartsWithSegments("/ui") ? CookieAuthenticationDefaults.AuthenticationScheme : ApiKeyAuthenticationHandler.SchemeName;
                return oidc?.Authority is not null && BearerToken.LooksLikeJwt(token) ? JwtBearerDefaults.AuthenticationScheme : ApiKeyAuthenticationHandler.SchemeName;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, o =>
            {
                o.LoginPath = "/ui/login";
                o.LogoutPath = "/ui/logout";
                o.Cookie.Name = "steward.session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
            });
        if (oidc?.Authority is not null)
        {
            oidc.Validate();
            auth.AddJwtBearer(JwtBearerDefaults.AuthenticationScheme, o =>
            {
                o.Authority = oidc.Authority;
                o.Audience = oidc.Audience;
                o.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
                o.MapInboundClaims = false;
                o.Events = new JwtBearerEvents { OnTokenValidated = context => MapOidcIdentity(context, oidc) };
            });
            if (!string.IsNullOrWhiteSpace(oidc.ClientId)) auth.AddDashboardOidc(oidc);
        }

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(Roles.All).Build())
            .AddPolicy(Read, p => p.RequireRole(Roles.All))
            .AddPolicy(InventoryWrite, p => p.RequireRole(Roles.Admin, Roles.Approver, Roles.Contributor))
            .AddPolicy(Ingest, p => p.RequireRole(Roles.Admin, Roles.Approver, Roles.Contributor, Roles.Service))
            .AddPolicy(Decide, p => p.RequireRole(Roles.Admin, Roles.Approver))
            .AddPolicy(OwnKeys, p => p.RequireRole(Roles.Admin, Roles.Approver, Roles.Contributor, Roles.Service))
            .AddPolicy(Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Pii, p => p.RequireRole(Roles.Admin, Roles.Approver, Roles.Contributor, Roles.Service));
    }

    /// <summary>Turns a validated OIDC bearer token into Steward's identity (see <see cref="OidcIdentity"/>).</summary>
    private static Task MapOidcIdentity(TokenValidatedContext context, OidcOptions oidc)
    {
        var (principal, error) = OidcIdentity.Map(context.Principal!, oidc, JwtBearerDefaults.AuthenticationScheme);
        if (principal is null) context.Fail(error!);
        else context.Principal = principal;
        return Task.CompletedTask;
    }
}

/// <summary>
/// OIDC (section <c>Auth:Oidc</c>): bearer tokens for the API, off unless <see cref="Authority"/> is set; dashboard
/// sign-in (authorization code with PKCE) when <see cref="ClientId"/> is set too.
/// </summary>
public sealed class OidcOptions
{
    /// <summary>Issuer URL; its discovery document and keys are fetched from there.</summary>
    public string? Authority { get; set; }
    /// <summary>Expected audience.</summary>
    public string? Audience { get; set; }
    /// <summary>Claim holding Steward role names.</summary>
    public string RoleClaim { get; set; } = "roles";
    /// <summary>Claim naming the actor (default <c>email</c>, falling back to <c>sub</c>).</summary>
    public string ActorClaim { get; set; } = "email";
    /// <summary>The dashboard's client id at the issuer; enables "Sign in with OIDC" on the dashboard. Off by default.</summary>
    public string? ClientId { get; set; }
    /// <summary>The dashboard's client secret, for a confidential client; leave unset for a public client (PKCE only).</summary>
    public string? ClientSecret { get; set; }
    /// <summary>Require HTTPS for the metadata (turn off only for local testing).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Fails start-up with a clear message instead of refusing every token later.</summary>
    internal void Validate()
    {
        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority))
            throw new InvalidOperationException($"Auth:Oidc:Authority '{Authority}' is not an absolute URL");
        if (RequireHttpsMetadata && authority.Scheme != Uri.UriSchemeHttps)
            throw new InvalidOperationException("Auth:Oidc:Authority must be https (or set Auth:Oidc:RequireHttpsMetadata=false for local testing)");
        if (string.IsNullOrWhiteSpace(Audience))
            throw new InvalidOperationException("Auth:Oidc:Audience is required when Auth:Oidc:Authority is set");
    }
}
