using Steward.Server.Dashboard.Layout;
using Steward.Server.Dashboard.Rendering;

namespace Steward.Server.Dashboard.Login;

/// <summary>The sign-in page.</summary>
internal static class LoginPage
{
    public enum Notice
    {
        None,
        SignedOut,
    }

    /// <summary>How the server offers OIDC: not at all, to the API only, or to the dashboard too.</summary>
    public enum Oidc
    {
        Off,
        ApiOnly,
        Dashboard,
    }

    public static Html Render(HttpContext context, string returnUrl, string? error, Notice notice, Oidc oidc)
    {
        var message = error is not null
            ? Html.Of($"""<div class="alert alert-error" role="alert" id="login-error"><strong>Sign-in failed</strong>{error}</div>""")
            : notice == Notice.SignedOut
                ? Html.Of($"""<div class="alert alert-ok" role="status">You have signed out.</div>""")
                : Html.Empty;
        var body = Html.Of($"""
            <main class="login" id="main">
              <div class="login-card">
                <span class="brand">{DashboardLayout.Logo}<span>Steward</span></span>
                <h1>Sign in</h1>
                <p class="lede">AI governance inventory and verifiable audit trail.</p>
                {message}
                {(oidc == Oidc.Dashboard ? OidcButton(returnUrl) : Html.Empty)}
                <form method="post" action="/ui/login" novalidate>
                  {DashboardLayout.AntiforgeryField(context)}
                  <input type="hidden" name="{LoginEndpoints.ReturnField}" value="{returnUrl}">
                  <div class="field">
                    <label for="api-key">API key <span class="hint">Starts with <code>stw_</code>. Ask an administrator for one.</span></label>
                    <input id="api-key" name="{LoginEndpoints.KeyField}" type="password" autocomplete="current-password" spellcheck="false"
                      required{(oidc == Oidc.Dashboard ? Html.Empty : Html.Of($" autofocus"))}{(error is null ? Html.Empty : Html.Of($" aria-invalid=\"true\" aria-describedby=\"login-error\""))}>
                  </div>
                  <button type="submit" class="btn btn-block{(oidc == Oidc.Dashboard ? Html.Of($" btn-secondary") : Html.Empty)}">Sign in with API key</button>
                </form>
                {(oidc == Oidc.ApiOnly ? ApiOnlyNote : Html.Empty)}
              </div>
            </main>
            """);
        return DashboardLayout.Document("Sign in", body, "signin");
    }

    /// <summary>Shown when dashboard sign-in through the identity provider is configured (<c>Auth:Oidc:ClientId</c>).</summary>
    private static Html OidcButton(string returnUrl) => Html.Of($"""
        <p><a class="btn btn-block" id="oidc-sign-in" href="{UiUrl.With(LoginEndpoints.OidcPath, ("returnUrl", returnUrl))}">Sign in with OIDC</a></p>
        <p class="hint">Or use an API key:</p>
        """);

    /// <summary>Shown when the API accepts OIDC bearer tokens but no dashboard client id is configured.</summary>
    private static Html ApiOnlyNote => Html.Of($"""
        <p class="note">Single sign-on: this server's HTTP API accepts OIDC bearer tokens. Dashboard sign-in with your identity provider is not configured on this server (<code>Auth:Oidc:ClientId</code>); use an API key here.</p>
        """);

    /// <summary>The page the OIDC callback lands on: it moves on to <paramref name="target"/> from this site, so the
    /// session cookie (SameSite=Strict) is sent, which a redirect chain started at the issuer would not do.</summary>
    public static Html Continue(string target)
    {
        var head = Html.Of($"""<meta http-equiv="refresh" content="0;url={target}">""");
        var body = Html.Of($"""
            <main class="login" id="main">
              <div class="login-card">
                <span class="brand">{DashboardLayout.Logo}<span>Steward</span></span>
                <h1>Signed in</h1>
                <p><a class="btn btn-block" id="continue" href="{target}">Continue to the dashboard</a></p>
              </div>
            </main>
            """);
        return DashboardLayout.Document("Signed in", body, "signin", head);
    }
}
