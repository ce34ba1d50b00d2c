using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Steward.Server.Auth;
using Steward.Server.Dashboard.Rendering;

namespace Steward.Server.Dashboard.Login;

/// <summary>
/// Dashboard sign-in through the OIDC issuer (authorization code with PKCE, answer in the query string). The
/// validated ID token is mapped to Steward's identity exactly as API bearer tokens are (<see cref="OidcIdentity"/>)
/// and becomes the dashboard's session cookie; an identity without a Steward role is refused.
/// </summary>
internal static class DashboardOidc
{
    public const string Scheme = "oidc";
    public const string CallbackPath = "/ui/signin-oidc";

    /// <summary>Error codes passed to the sign-in page (never free text: the page maps them to its own messages).</summary>
    public const string NoRoleError = "oidc_no_role";
    public const string FailedError = "oidc_failed";

    public static void AddDashboardOidc(this AuthenticationBuilder auth, OidcOptions oidc) =>
        auth.AddOpenIdConnect(Scheme, "OIDC", o =>
        {
            o.Authority = oidc.Authority;
            o.ClientId = oidc.ClientId;
            o.ClientSecret = string.IsNullOrWhiteSpace(oidc.ClientSecret) ? null : oidc.ClientSecret;
            o.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
            o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.UsePkce = true;
            // The issuer redirects back with a GET (no auto-posting form, which the dashboard's CSP would not run),
            // so the correlation and nonce cookies need only SameSite=Lax and are Secure whenever the request is.
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.CallbackPath = CallbackPath;
            o.SignedOutCallbackPath = "/ui/signout-callback-oidc";
            o.RemoteSignOutPath = "/ui/signout-oidc";
            o.Scope.Clear();
            foreach (var scope in new[] { "openid", "profile", "email" }) o.Scope.Add(scope);
            o.MapInboundClaims = false;
            o.SaveTokens = false;
            o.GetClaimsFromUserInfoEndpoint = false;
            o.Events = new OpenIdConnectEvents
            {
                OnTokenValidated = context => OnTokenValidated(context, oidc),
                OnRemoteFailure = OnRemoteFailure,
            };
        });

    private static Task OnTokenValidated(TokenValidatedContext context, OidcOptions oidc)
    {
        var (principal, error) = OidcIdentity.Map(context.Principal!, oidc, CookieAuthenticationDefaults.AuthenticationScheme);
        if (principal is null)
        {
            context.Fail(error!);
            return Task.CompletedTask;
        }
        if (principal.Roles().Count == 0)
        {
            Logger(context.HttpContext).LogWarning("OIDC sign-in of {Actor} refused: the identity has no Steward role", principal.Identity!.Name);
            context.Response.Redirect(UiUrl.With("/ui/login", ("error", NoRoleError)));
            context.HandleResponse();
            return Task.CompletedTask;
        }
        var issuer = context.Principal!.FindFirstValue("iss") ?? oidc.Authority!;
        var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var identity = (ClaimsIdentity)principal.Identity!;
        identity.AddClaim(new Claim(StewardClaims.OidcIssuer, issuer));
        identity.AddClaim(new Claim(StewardClaims.OidcSignedInAt, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64));
        context.Principal = principal;
        context.Properties!.IsPersistent = false;
        context.Properties.AllowRefresh = true;
        return Task.CompletedTask;
    }

    private static Task OnRemoteFailure(RemoteFailureContext context)
    {
        Logger(context.HttpContext).LogWarning(context.Failure, "OIDC sign-in failed");
        context.Response.Redirect(UiUrl.With("/ui/login", ("error", FailedError)));
        context.HandleResponse();
        return Task.CompletedTask;
    }

    private static ILogger Logger(HttpContext context) =>
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DashboardOidc).FullName!);
}
