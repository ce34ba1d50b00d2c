using Microsoft.AspNetCore.Antiforgery;
using Steward.Server.Auth;
using Steward.Server.Dashboard.Assets;
using Steward.Server.Dashboard.Rendering;

namespace Steward.Server.Dashboard.Layout;

/// <summary>The HTML document around every dashboard page: head, top bar with navigation and session, footer.</summary>
internal static class DashboardLayout
{
    private static readonly (DashboardArea Area, string Label, string Href)[] Navigation =
    [
        (DashboardArea.Inventory, "Inventory", "/ui/inventory"),
        (DashboardArea.Audit, "Audit trail", "/ui/audit"),
        (DashboardArea.Policies, "Policies", "/ui/policies"),
        (DashboardArea.Tickets, "Tickets", "/ui/tickets"),
        (DashboardArea.RedTeam, "Red team", "/ui/redteam"),
        (DashboardArea.Assessments, "Assessments", "/ui/assessments"),
        (DashboardArea.PiiScans, "PII scans", "/ui/pii-scans"),
        (DashboardArea.Monitors, "Monitors", "/ui/monitors"),
    ];

    /// <summary>A page of the signed-in dashboard.</summary>
    public static Html Page(HttpContext context, string title, DashboardArea area, Html main)
    {
        var user = context.User;
        var name = user.Identity?.Name ?? "";
        var roles = string.Join(", ", user.Roles());
        var nav = Navigation.Select(n => Html.Of(
            $"<li><a href=\"{n.Href}\"{(n.Area == area ? Html.Of($" aria-current=\"page\"") : Html.Empty)}>{n.Label}</a></li>"));
        var body = Html.Of($"""
            <a class="skip-link" href="#main">Skip to content</a>
            <header class="topbar">
              <div class="topbar-inner">
                <a class="brand" href="/ui/inventory">{Logo}<span>Steward</span></a>
                <nav class="mainnav" aria-label="Main"><ul>{nav}</ul></nav>
                <div class="session">
                  <span class="who">Signed in as <strong>{name}</strong><span class="roles" title="Roles">{roles}</span></span>
                  <form method="post" action="/ui/logout">{AntiforgeryField(context)}<button type="submit" class="btn btn-quiet">Sign out</button></form>
                </div>
              </div>
            </header>
            <main id="main" class="page" tabindex="-1">
            {main}
            </main>
            <footer class="footer"><p>Steward — AI governance with a verifiable ledger. Machine access: <a href="/docs">HTTP API reference</a>.</p></footer>
            """);
        return Document(title, body, "app");
    }

    /// <summary>The bare document (the sign-in page brings its own body); <paramref name="head"/> adds to the head.</summary>
    public static Html Document(string title, Html body, string bodyClass, Html head = default) => Html.Of($"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="same-origin">
        <title>{title} · Steward</title>
        <link rel="stylesheet" href="{DashboardStyles.Url}">
        <link rel="icon" href="/ui/assets/favicon.svg" type="image/svg+xml">
        {head}
        </head>
        <body class="{bodyClass}">
        {body}
        </body>
        </html>
        """);

    /// <summary>The brand mark (trusted constant markup).</summary>
    public static Html Logo => Html.FromTrusted(AssetEndpoints.LogoSvg);

    /// <summary>The hidden anti-forgery field for a form posted back to the dashboard.</summary>
    public static Html AntiforgeryField(HttpContext context)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return Html.Of($"<input type=\"hidden\" name=\"{tokens.FormFieldName}\" value=\"{tokens.RequestToken}\">");
    }
}
