using Microsoft.AspNetCore.Http.HttpResults;
using Steward.Governance.Errors;
using Steward.Governance.Inventory;
using Steward.Governance.PiiScans;
using Steward.Server.Auth;
using Steward.Server.Dashboard.Layout;

namespace Steward.Server.Dashboard.PiiScans;

/// <summary>
/// <c>/ui/pii-scans</c>: the newest PII scans of every dataset with their verdicts; <c>/ui/pii-scans/{datasetId}</c>:
/// a dataset's scan history and the newest completed scan's per-column report (<c>/{scanId}</c> picks another).
/// </summary>
internal static class PiiScanEndpoints
{
    public const int RecentLimit = 100;
    public const int HistoryLimit = 100;

    public static void MapPiiScanPages(this RouteGroupBuilder ui)
    {
        var group = ui.MapGroup("/pii-scans").RequireAuthorization(AuthExtensions.Read);
        group.MapGet("", Recent);
        group.MapGet("/{datasetId}", (HttpContext context, string datasetId, DatasetStore datasets, PiiScanStore scans) => Dataset(context, datasetId, null, datasets, scans));
        group.MapGet("/{datasetId}/{scanId}", (HttpContext context, string datasetId, string scanId, DatasetStore datasets, PiiScanStore scans) =>
            Dataset(context, datasetId, scanId, datasets, scans));
    }

    private static async Task<ContentHttpResult> Recent(HttpContext context, PiiScanStore scans, DatasetStore datasets)
    {
        var ct = context.RequestAborted;
        var recent = await scans.RecentAsync(RecentLimit, ct);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in recent.Select(s => s.DatasetId).Distinct(StringComparer.Ordinal))
        {
            try { names[id] = (await datasets.GetAsync(id, ct)).Name; }
            catch (NotFoundException) { names[id] = id; }
        }
        return DashboardResults.Page(context, "PII scans", DashboardArea.PiiScans, PiiScanPage.Recent(recent, names));
    }

    private static async Task<ContentHttpResult> Dataset(HttpContext context, string datasetId, string? scanId, DatasetStore datasets, PiiScanStore scans)
    {
        var ct = context.RequestAborted;
        Dataset dataset;
        try
        {
            dataset = await datasets.GetAsync(datasetId, ct);
        }
        catch (NotFoundException)
        {
            return DashboardResults.Page(context, "PII scans", DashboardArea.PiiScans,
                DashboardResults.ErrorBox("No such dataset", [$"Dataset {datasetId} does not exist."]), StatusCodes.Status404NotFound);
        }
        var history = (await scans.ListAsync(datasetId, null, HistoryLimit, ct)).Items;
        var chosen = scanId ?? history.LastOrDefault(s => s.Status == "completed")?.Id;
        PiiScan? shown = null;
        if (chosen is not null)
        {
            try { shown = await scans.GetAsync(datasetId, chosen, ct); }
            catch (NotFoundException)
            {
                return DashboardResults.Page(context, $"PII scans: {dataset.Name}", DashboardArea.PiiScans,
                    DashboardResults.ErrorBox("No such scan", [$"Dataset {dataset.Name} has no scan {chosen}."]), StatusCodes.Status404NotFound);
            }
        }
        return DashboardResults.Page(context, $"PII scans: {dataset.Name}", DashboardArea.PiiScans, PiiScanPage.Dataset(dataset, history, shown));
    }
}
