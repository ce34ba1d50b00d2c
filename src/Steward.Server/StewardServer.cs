using Steward.Server.Apis;
using Steward.Server.Auth;
using Steward.Server.Hosting;
using Steward.Server.Monitors;
using Steward.Server.Dashboard;
using Steward.Server.Pii;
using Steward.Server.Policies;
using Steward.Server.PiiScans;
using Steward.Server.Problems;
using Steward.Server.Tickets;

namespace Steward.Server;

/// <summary>Builds the Steward platform: API, dashboard and background work on Kestrel.</summary>
public static class StewardServer
{
    /// <summary>Builds the application; call <c>RunAsync</c> (or <c>StartAsync</c>) on the result.</summary>
    public static WebApplication Build(StewardServerOptions options, string[]? args = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args ?? [],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.AddStewardConfiguration(options, args ?? []);
        builder.AddStewardProblems();
        builder.AddStewardGovernance();
        builder.AddStewardAuth();
        builder.AddStewardApiDocs();
        builder.AddStewardHosting(options);
        builder.AddStewardDashboard();
        builder.AddStewardPolicies();
        builder.AddStewardTickets();
        builder.AddStewardPii();
        builder.AddStewardPiiScans();
        builder.AddStewardMonitors();

        var app = builder.Build();
        app.UseStewardProblems();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseStewardMetrics();
        app.MapHealthApi();
        app.MapStewardApiDocs();
        app.MapMeApi();
        app.MapSystemsApi();
        app.MapLifecycleApi();
        app.MapReportsApi();
        app.MapModelsApi();
        app.MapDatasetsApi();
        app.MapDecisionsApi();
        app.MapActorKeysApi();
        app.MapApiKeysApi();
        app.MapLedgerApi();
        app.MapOpaApi();
        app.MapOpaPoliciesApi();
        app.MapOpaLogsApi();
        app.MapPolicyDecisionsApi();
        app.MapTicketsApi();
        app.MapRedTeamApi();
        app.MapAssessmentsApi();
        app.MapPresidioApi();
        app.MapPiiApi();
        app.MapPiiScansApi();
        app.MapMonitorsApi();
        app.MapStewardDashboard();
        return app;
    }
}
