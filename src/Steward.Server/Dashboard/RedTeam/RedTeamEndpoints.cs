using Microsoft.AspNetCore.Http.HttpResults;
using Steward.Governance.Errors;
using Steward.Governance.Inventory;
using Steward.Governance.Paging;
using Steward.Governance.RedTeam;
using Steward.Server.Auth;
using Steward.Server.Dashboard.Layout;

namespace Steward.Server.Dashboard.RedTeam;

/// <summary><c>/ui/redteam</c>: red-team findings (filtered, open critical and high ones highlighted) and exercises.</summary>
internal static class RedTeamEndpoints
{
    public const int DefaultLimit = 25;
    public const int ExerciseLimit = 50;

    public static void MapRedTeamPages(this RouteGroupBuilder ui) =>
        ui.MapGet("/redteam", Render).RequireAuthorization(AuthExtensions.Read);

    private static async Task<ContentHttpResult> Render(HttpContext context, FindingStore findings, ExerciseStore exercises, SystemStore systems)
    {
        var query = RedTeamQuery.From(context.Request, DefaultLimit);
        var errors = query.Errors.ToList();
        var ct = context.RequestAborted;
        Page<Finding>? page = null;
        try
        {
            page = await findings.ListAsync(new FindingFilter(query.SystemId, null, query.Status, query.Severity), query.Page.Cursor, query.Page.Limit, ct);
        }
        catch (ValidationFailedException e)
        {
            errors.AddRange(e.Errors.SelectMany(f => f.Value).Select(m => $"The page link is not valid ({m}). Start again from the first page."));
        }
        var exercisePage = await exercises.ListAsync(query.SystemId, null, ExerciseLimit, ct);
        var attention = await findings.CountOpenSevereAsync(query.SystemId, ct);
        var ids = (page?.Items.Select(f => f.SystemId) ?? []).Concat(exercisePage.Items.Select(e => e.SystemId));
        var names = await SystemNamesAsync(systems, ids, ct);
        var main = RedTeamPage.Render(query, errors, page, exercisePage, attention, names);
        return DashboardResults.Page(context, "Red team", DashboardArea.RedTeam, main,
            page is null ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    private static async Task<IReadOnlyDictionary<string, string>> SystemNamesAsync(SystemStore systems, IEnumerable<string> ids, CancellationToken ct)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
            names[id] = (await systems.FindAsync(id, ct))?.Name ?? id;
        return names;
    }
}
