using Microsoft.AspNetCore.Http.HttpResults;
using Steward.Governance.Errors;
using Steward.Governance.Monitors;
using Steward.Server.Auth;
using Steward.Server.Dashboard.Layout;

namespace Steward.Server.Dashboard.Monitors;

/// <summary>
/// <c>/ui/monitors</c>: every drift monitor with its status; <c>/ui/monitors/{id}</c>: the monitor's drift trend
/// (share of drifted columns per run, and which columns drifted, as inline SVG), its performance trend and latest
/// fairness when the monitor measures them, its latest report's columns, performance and fairness; <c>/{id}/runs/{runId}</c> shows another run's report and
/// <c>/{id}/runs/{runId}/report</c> serves it as the self-contained HTML report (with that report's own CSP).
/// </summary>
internal static class MonitorEndpoints
{
    public const int ListLimit = 200;
    public const int TrendRuns = 30;

    public static void MapMonitorPages(this RouteGroupBuilder ui)
    {
        var group = ui.MapGroup("/monitors").RequireAuthorization(AuthExtensions.Read);
        group.MapGet("", async (HttpContext context, MonitorStore monitors) =>
            DashboardResults.Page(context, "Monitors", DashboardArea.Monitors, MonitorListPage.Render((await monitors.ListAsync(null, ListLimit, context.RequestAborted)).Items)));
        group.MapGet("/{id}", (HttpContext context, string id, MonitorStore monitors, MonitorRunStore runs) => Monitor(context, id, null, monitors, runs));
        group.MapGet("/{id}/runs/{runId}", (HttpContext context, string id, string runId, MonitorStore monitors, MonitorRunStore runs) => Monitor(context, id, runId, monitors, runs));
        group.MapGet("/{id}/runs/{runId}/report", Report);
    }

    private static async Task<ContentHttpResult> Monitor(HttpContext context, string id, string? runId, MonitorStore monitors, MonitorRunStore runs)
    {
        var ct = context.RequestAborted;
        DriftMonitor monitor;
        try
        {
            monitor = await monitors.GetAsync(id, ct);
        }
        catch (NotFoundException)
        {
            return NotFound(context, "No such monitor", $"Monitor {id} does not exist.");
        }
        var history = (await runs.ListAsync(id, null, TrendRuns, ct)).Items;
        MonitorRun? shown = null;
        var chosen = runId ?? monitor.LastRun?.Id;
        if (chosen is not null)
        {
            try { shown = await runs.GetAsync(id, chosen, ct); }
            catch (NotFoundException) { return NotFound(context, "No such run", $"Monitor {monitor.Name} has no run {chosen}."); }
        }
        var quality = await Steward.Server.Monitors.StoredReport.PointsAsync(monitor, history.Reverse().ToList(), runs, ct);
        return DashboardResults.Page(context, $"Monitor: {monitor.Name}", DashboardArea.Monitors, MonitorPage.Render(monitor, history, quality, shown));
    }

    private static async Task<IResult> Report(HttpContext context, string id, string runId, MonitorStore monitors, MonitorRunStore runs)
    {
        try
        {
            return await Steward.Server.Monitors.RunReportHtml.SendAsync(context, id, runId, monitors, runs);
        }
        catch (NotFoundException e)
        {
            return NotFound(context, "No such run", e.Message);
        }
        catch (ConflictException e)
        {
            return DashboardResults.Page(context, "Monitors", DashboardArea.Monitors, DashboardResults.ErrorBox("No report", [e.Message]), StatusCodes.Status409Conflict);
        }
    }

    private static ContentHttpResult NotFound(HttpContext context, string heading, string message) =>
        DashboardResults.Page(context, "Monitors", DashboardArea.Monitors, DashboardResults.ErrorBox(heading, [message]), StatusCodes.Status404NotFound);
}
