using Microsoft.AspNetCore.Http.HttpResults;
using Steward.Governance.Errors;
using Steward.Governance.Inventory;
using Steward.Governance.Lifecycle;
using Steward.Governance.Paging;
using Steward.Server.Auth;
using Steward.Server.Dashboard.Layout;
using Steward.Server.Dashboard.Rendering;

namespace Steward.Server.Dashboard.Inventory;

/// <summary>Inventory pages: systems, models, datasets, each paged by cursor.</summary>
internal static class InventoryEndpoints
{
    public const int DefaultLimit = 25;

    public static void MapInventoryPages(this RouteGroupBuilder ui)
    {
        var inventory = ui.MapGroup("/inventory").RequireAuthorization(AuthExtensions.Read);
        inventory.MapGet("", Systems);
        inventory.MapGet("/models", Models);
        inventory.MapGet("/datasets", Datasets);
    }

    private static async Task<ContentHttpResult> Systems(HttpContext context, SystemStore systems, GateEngine gates) =>
        await RenderAsync(context, InventoryTab.Systems, systems.ListAsync, async (page, request) =>
        {
            // The next stage's gate of every listed system, so the list says what blocks each one.
            var next = new Dictionary<string, GateResult>(StringComparer.Ordinal);
            var actor = context.User.Actor();
            foreach (var system in page.Items)
            {
                if (Stages.Next(system.Stage) is { } stage)
                    next[system.Id] = await gates.EvaluateAsync(system.Id, stage, actor, context.RequestAborted);
            }
            return InventoryTables.Systems(page, request, next);
        });

    private static async Task<ContentHttpResult> Models(HttpContext context, ModelStore models, SystemStore systems) =>
        await RenderAsync(context, InventoryTab.Models, models.ListAsync, async (page, request) =>
            InventoryTables.Models(page, request, await SystemNamesAsync(systems, page.Items.Select(m => m.SystemId), context.RequestAborted)));

    private static async Task<ContentHttpResult> Datasets(HttpContext context, DatasetStore datasets, SystemStore systems) =>
        await RenderAsync(context, InventoryTab.Datasets, datasets.ListAsync, async (page, request) =>
            InventoryTables.Datasets(page, request, await SystemNamesAsync(systems, page.Items.Select(d => d.SystemId), context.RequestAborted)));

    private static async Task<ContentHttpResult> RenderAsync<T>(HttpContext context, InventoryTab tab,
        Func<string?, int?, CancellationToken, Task<Page<T>>> list, Func<Page<T>, PageRequest, Task<Html>> table)
    {
        var request = PageRequest.From(context.Request, DefaultLimit);
        var errors = request.Errors.ToList();
        Html content;
        try
        {
            content = await table(await list(request.Cursor, request.Limit, context.RequestAborted), request);
        }
        catch (ValidationFailedException e)
        {
            errors.AddRange(e.Errors.SelectMany(f => f.Value).Select(m => $"The page link is not valid ({m}). Start again from the first page."));
            content = Html.Empty;
        }
        var main = InventoryTables.Frame(tab, errors, content);
        return DashboardResults.Page(context, $"Inventory: {tab.Label}", DashboardArea.Inventory, main,
            errors.Count > 0 && content == Html.Empty ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    /// <summary>Names of the systems that models or datasets belong to; an unknown id maps to itself.</summary>
    private static async Task<IReadOnlyDictionary<string, string>> SystemNamesAsync(SystemStore systems, IEnumerable<string?> ids, CancellationToken ct)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in ids.OfType<string>().Distinct(StringComparer.Ordinal))
        {
            try
            {
                names[id] = (await systems.GetAsync(id, ct)).Name;
            }
            catch (NotFoundException)
            {
                names[id] = id;
            }
        }
        return names;
    }
}
