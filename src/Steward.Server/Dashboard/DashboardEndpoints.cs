using Steward.Server.Auth;
using Steward.Server.Dashboard.Assessments;
using Steward.Server.Dashboard.Assets;
using Steward.Server.Dashboard.Audit;
using Steward.Server.Dashboard.Inventory;
using Steward.Server.Dashboard.Login;
using Steward.Server.Dashboard.Monitors;
using Steward.Server.Dashboard.PiiScans;
using Steward.Server.Dashboard.Policies;
using Steward.Server.Dashboard.Systems;
using Steward.Server.Dashboard.Tickets;
using Steward.Server.Dashboard.RedTeam;

namespace Steward.Server.Dashboard;

/// <summary>
/// The server-rendered dashboard under <c>/ui</c>: plain HTML forms and links, no script. Requests to <c>/ui</c>
/// without a bearer token authenticate with the session cookie (see <see cref="AuthExtensions"/>); pages need
/// any Steward role, sign-in and the stylesheet are anonymous.
/// </summary>
internal static class DashboardEndpoints
{
    /// <summary>Content-Security-Policy of every dashboard response: no script, no third-party anything.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static void MapStewardDashboard(this WebApplication app)
    {
        app.MapGet("/", () => TypedResults.Redirect("/ui")).AllowAnonymous().ExcludeFromDescription();

        var ui = app.MapGroup("/ui").ExcludeFromDescription().AddEndpointFilter(async (context, next) =>
        {
            var headers = context.HttpContext.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            return await next(context);
        });
        ui.MapGet("", () => TypedResults.Redirect("/ui/inventory")).RequireAuthorization(AuthExtensions.Read);
        ui.MapDashboardAssets();
        ui.MapLoginPages();
        ui.MapInventoryPages();
        ui.MapSystemPages();
        ui.MapAuditPages();
        ui.MapPolicyPages();
        ui.MapTicketPages();
        ui.MapRedTeamPages();
        ui.MapAssessmentPages();
        ui.MapPiiScanPages();
        ui.MapMonitorPages();
    }
}
