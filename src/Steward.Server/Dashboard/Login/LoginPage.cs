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

    public static Html Render(HttpContext context, string returnUrl, string? error, Notice notice, bool apiAcceptsOidc)
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
                <form method="post" action="/ui/login" novalidate>
                  {DashboardLayout.AntiforgeryField(context)}
                  <input type="hidden" name="{LoginEndpoints.ReturnField}" value="{returnUrl}">
                  <div class="field">
                    <label for="api-key">API key <span class="hint">Starts with <code>stw_</code>. Ask an administrator for one.</span></label>
                    <input id="api-key" name="{LoginEndpoints.KeyField}" type="password" autocomplete="current-password" spellcheck="false"
                      required autofocus{(error is null ? Html.Empty : Html.Of($" aria-invalid=\"true\" aria-describedby=\"login-error\""))}>
                  </div>
                  <button type="submit" class="btn btn-block">Sign in</button>
                </form>
                {(apiAcceptsOidc ? OidcNote : Html.Empty)}
              </div>
            </main>
            """);
        return DashboardLayout.Document("Sign in", body, "signin");
    }

    /// <summary>Only shown when true: the API accepts OIDC bearer tokens (configured), the dashboard does not yet.</summary>
    private static Html OidcNote => Html.Of($"""
        <p class="note">Single sign-on: this server's HTTP API accepts OIDC bearer tokens, but dashboard sign-in with your identity provider is not available yet. Use an API key here.</p>
        """);
}
