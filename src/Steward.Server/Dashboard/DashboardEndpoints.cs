namespace Steward.Server.Dashboard;

/// <summary>The server-rendered dashboard under <c>/ui</c>.</summary>
internal static class DashboardEndpoints
{
    public static void MapStewardDashboard(this WebApplication app)
    {
        app.MapGet("/", () => TypedResults.Redirect("/ui")).AllowAnonymous().ExcludeFromDescription();
    }
}
