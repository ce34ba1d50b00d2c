using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Steward.Governance.Errors;
using Steward.Governance.Identity;
using Steward.Governance.Inventory;
using Steward.Governance.Lifecycle;
using Steward.Server.Auth;
using Steward.Server.Dashboard.Layout;
using Steward.Server.Dashboard.Rendering;

namespace Steward.Server.Dashboard.Systems;

/// <summary>
/// The page of one AI system: its lifecycle stage, what the next gates need, a form to request a stage change
/// (for roles that may), and its recorded stage changes and refusals.
/// </summary>
internal static class SystemEndpoints
{
    public static void MapSystemPages(this RouteGroupBuilder ui)
    {
        ui.MapGet("/systems/{id}", Show).RequireAuthorization(AuthExtensions.Read);
        ui.MapPost("/systems/{id}/stage", ChangeStage).RequireAuthorization(AuthExtensions.Ingest);
        ui.MapGet("/systems/{id}/reports/{kind}", Apis.ReportsApi.Render).RequireAuthorization(AuthExtensions.Read);
    }

    /// <summary>Whether the signed-in user may request stage changes (the server checks again on post).</summary>
    public static bool MayChangeStage(HttpContext context) =>
        context.User.IsInRole(Roles.Admin) || context.User.IsInRole(Roles.Approver) || context.User.IsInRole(Roles.Contributor) || context.User.IsInRole(Roles.Service);

    private static async Task<ContentHttpResult> Show(HttpContext context, SystemStore systems, GateEngine gates, StageHistory history,
        Steward.Governance.Assessments.AssessmentStore assessments, string id, string? to, string? moved, string? refused)
    {
        var system = await systems.FindAsync(id, context.RequestAborted);
        if (system is null)
            return DashboardResults.Page(context, "System not found", DashboardArea.Inventory,
                DashboardResults.ErrorBox("No such system", [$"There is no AI system with id {id}."]), StatusCodes.Status404NotFound);

        var actor = context.User.Actor();
        var asked = to is not null && Stages.Order(to) >= 0 ? to : null;
        var shown = new List<GateResult>();
        foreach (var stage in SystemPage.GatesToShow(system.Stage, asked))
            shown.Add(await gates.EvaluateAsync(system.Id, stage, actor, context.RequestAborted));
        var events = await history.ListAsync(system.Id, 20, context.RequestAborted);
        var notice = moved is not null && Stages.Order(moved) >= 0 ? SystemPage.Notice.Moved
            : refused is not null ? SystemPage.Notice.Refused : SystemPage.Notice.None;
        var recent = (await assessments.ListAsync(system.Id, null, null, 10, context.RequestAborted)).Items;
        var main = SystemPage.Render(context, system, shown, events, recent, notice, MayChangeStage(context));
        return DashboardResults.Page(context, $"System: {system.Name}", DashboardArea.Inventory, main);
    }

    private static async Task<Results<RedirectHttpResult, ContentHttpResult>> ChangeStage(HttpContext context, IAntiforgery antiforgery, GateEngine gates,
        SystemStore systems, string id)
    {
        if (!context.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(context))
            return Bad(context, "The form expired or was not sent from this page. Go back, reload the page and try again.");
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var to = form["to"].ToString();
        var reason = form["reason"].ToString();
        try
        {
            await gates.ChangeStageAsync(context.User.Actor(), id, to, reason.Length == 0 ? null : reason, context.RequestAborted);
            return TypedResults.Redirect(UiUrl.With($"/ui/systems/{Uri.EscapeDataString(id)}", ("moved", to)));
        }
        catch (GateRefusedException)
        {
            return TypedResults.Redirect(UiUrl.With($"/ui/systems/{Uri.EscapeDataString(id)}", ("to", to), ("refused", "1")));
        }
        catch (ValidationFailedException e)
        {
            return Bad(context, string.Join(" ", e.Errors.SelectMany(f => f.Value.Select(m => $"{f.Key} {m}."))));
        }
        catch (NotFoundException e)
        {
            return TypedResults.Content(DashboardLayout.Page(context, "System not found", DashboardArea.Inventory,
                DashboardResults.ErrorBox("No such system", [e.Message])).ToString(), "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        }
    }

    private static ContentHttpResult Bad(HttpContext context, string message) =>
        DashboardResults.Page(context, "Stage change not sent", DashboardArea.Inventory,
            DashboardResults.ErrorBox("The stage change was not sent", [message]), StatusCodes.Status400BadRequest);
}
