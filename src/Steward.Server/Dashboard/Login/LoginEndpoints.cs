using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http.HttpResults;
using Steward.Governance.Identity;
using Steward.Server.Auth;
using Steward.Server.Dashboard.Layout;
using Steward.Server.Dashboard.Rendering;

namespace Steward.Server.Dashboard.Login;

/// <summary>
/// Sign-in with an API key (the key becomes a session cookie) or, when configured, through the OIDC issuer
/// (see <see cref="DashboardOidc"/>); and sign-out.
/// </summary>
internal static class LoginEndpoints
{
    public const string KeyField = "api_key";
    public const string ReturnField = "return_url";
    public const string OidcPath = "/ui/login/oidc";

    public static void MapLoginPages(this RouteGroupBuilder ui)
    {
        ui.MapGet("/login", Show).AllowAnonymous();
        ui.MapPost("/login", SignIn).AllowAnonymous();
        ui.MapGet("/login/oidc", SignInWithOidc).AllowAnonymous();
        ui.MapGet("/login/oidc/continue", ContinueAfterOidc).AllowAnonymous();
        ui.MapPost("/logout", SignOut).AllowAnonymous();
    }

    private static async Task<Results<ContentHttpResult, RedirectHttpResult>> Show(
        HttpContext context, IAuthenticationSchemeProvider schemes, string? returnUrl, string? signedOut, string? error)
    {
        var target = UiUrl.SafeReturn(returnUrl);
        if (context.User.Identity?.IsAuthenticated == true) return TypedResults.Redirect(target);
        var notice = signedOut == "1" ? LoginPage.Notice.SignedOut : LoginPage.Notice.None;
        var message = error switch
        {
            DashboardOidc.NoRoleError => "Your identity provider signed you in, but your account has no Steward role. Ask an administrator to grant you one.",
            DashboardOidc.FailedError => "Sign-in with your identity provider did not complete. Please try again.",
            _ => null,
        };
        return DashboardResults.Document(LoginPage.Render(context, target, message, notice, await OidcAsync(schemes)));
    }

    /// <summary>Starts sign-in at the OIDC issuer; it comes back to <see cref="DashboardOidc.CallbackPath"/>.</summary>
    private static async Task<IResult> SignInWithOidc(IAuthenticationSchemeProvider schemes, string? returnUrl)
    {
        if (await OidcAsync(schemes) != LoginPage.Oidc.Dashboard) return TypedResults.Redirect("/ui/login");
        var continueUrl = UiUrl.With(OidcPath + "/continue", ("returnUrl", UiUrl.SafeReturn(returnUrl)));
        return TypedResults.Challenge(new AuthenticationProperties { RedirectUri = continueUrl }, [DashboardOidc.Scheme]);
    }

    private static ContentHttpResult ContinueAfterOidc(string? returnUrl) =>
        DashboardResults.Document(LoginPage.Continue(UiUrl.SafeReturn(returnUrl)));

    private static async Task<Results<ContentHttpResult, RedirectHttpResult>> SignIn(
        HttpContext context, IAntiforgery antiforgery, IAuthenticationSchemeProvider schemes, ApiKeyStore keys)
    {
        var oidc = await OidcAsync(schemes);
        if (!context.Request.HasFormContentType)
            return Failed(context, oidc, "/ui/inventory", "The sign-in form was not sent correctly. Please try again.", StatusCodes.Status400BadRequest);
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var target = UiUrl.SafeReturn(form[ReturnField]);
        if (!await antiforgery.IsRequestValidAsync(context))
            return Failed(context, oidc, target, "The sign-in form expired or was not sent from this page. Please try again.", StatusCodes.Status400BadRequest);

        var secret = form[KeyField].ToString().Trim();
        if (secret.Length == 0)
            return Failed(context, oidc, target, "Enter your API key.", StatusCodes.Status400BadRequest);
        var key = await keys.AuthenticateAsync(secret, context.RequestAborted);
        if (key is null)
            return Failed(context, oidc, target, "That API key was not accepted: it is unknown, revoked or expired.", StatusCodes.Status401Unauthorized);

        var scheme = CookieAuthenticationDefaults.AuthenticationScheme;
        await context.SignInAsync(scheme, StewardClaims.Principal(scheme, key.Actor, key.Roles, key.Id),
            new AuthenticationProperties { IsPersistent = false, AllowRefresh = true });
        return TypedResults.Redirect(target);
    }

    private static async Task<Results<ContentHttpResult, RedirectHttpResult>> SignOut(HttpContext context, IAntiforgery antiforgery)
    {
        if (!context.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(context))
        {
            var main = DashboardResults.ErrorBox("You are still signed in",
                ["The sign-out form expired or was not sent from this site. Go back, reload the page and sign out again."]);
            return context.User.Identity?.IsAuthenticated == true
                ? DashboardResults.Page(context, "Sign out", DashboardArea.None, main, StatusCodes.Status400BadRequest)
                : TypedResults.Redirect("/ui/login");
        }
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.Redirect("/ui/login?signedOut=1");
    }

    private static ContentHttpResult Failed(HttpContext context, LoginPage.Oidc oidc, string target, string error, int statusCode) =>
        DashboardResults.Document(LoginPage.Render(context, target, error, LoginPage.Notice.None, oidc), statusCode);

    /// <summary>
    /// The API accepts OIDC bearer tokens when <c>Auth:Oidc:Authority</c> is configured; the dashboard offers OIDC
    /// sign-in when <c>Auth:Oidc:ClientId</c> is configured too.
    /// </summary>
    private static async Task<LoginPage.Oidc> OidcAsync(IAuthenticationSchemeProvider schemes) =>
        await schemes.GetSchemeAsync(DashboardOidc.Scheme) is not null ? LoginPage.Oidc.Dashboard
        : await schemes.GetSchemeAsync(JwtBearerDefaults.AuthenticationScheme) is not null ? LoginPage.Oidc.ApiOnly
        : LoginPage.Oidc.Off;
}
