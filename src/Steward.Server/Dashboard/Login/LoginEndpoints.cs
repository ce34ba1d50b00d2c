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

/// <summary>Sign-in with an API key (the key becomes a session cookie) and sign-out.</summary>
internal static class LoginEndpoints
{
    public const string KeyField = "api_key";
    public const string ReturnField = "return_url";

    public static void MapLoginPages(this RouteGroupBuilder ui)
    {
        ui.MapGet("/login", Show).AllowAnonymous();
        ui.MapPost("/login", SignIn).AllowAnonymous();
        ui.MapPost("/logout", SignOut).AllowAnonymous();
    }

    private static async Task<Results<ContentHttpResult, RedirectHttpResult>> Show(
        HttpContext context, IAuthenticationSchemeProvider schemes, string? returnUrl, string? signedOut)
    {
        var target = UiUrl.SafeReturn(returnUrl);
        if (context.User.Identity?.IsAuthenticated == true) return TypedResults.Redirect(target);
        var notice = signedOut == "1" ? LoginPage.Notice.SignedOut : LoginPage.Notice.None;
        return DashboardResults.Document(LoginPage.Render(context, target, error: null, notice, await ApiAcceptsOidcAsync(schemes)));
    }

    private static async Task<Results<ContentHttpResult, RedirectHttpResult>> SignIn(
        HttpContext context, IAntiforgery antiforgery, IAuthenticationSchemeProvider schemes, ApiKeyStore keys)
    {
        var oidc = await ApiAcceptsOidcAsync(schemes);
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
        await context.SignInAsync(scheme, StewardClaims.Principal(scheme, key.Name, key.Roles, key.Id),
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

    private static ContentHttpResult Failed(HttpContext context, bool oidc, string target, string error, int statusCode) =>
        DashboardResults.Document(LoginPage.Render(context, target, error, LoginPage.Notice.None, oidc), statusCode);

    /// <summary>The API accepts OIDC bearer tokens when <c>Auth:Oidc:Authority</c> is configured.</summary>
    private static async Task<bool> ApiAcceptsOidcAsync(IAuthenticationSchemeProvider schemes) =>
        await schemes.GetSchemeAsync(JwtBearerDefaults.AuthenticationScheme) is not null;
}
