using Microsoft.AspNetCore.Http.HttpResults;
using Steward.Governance.Errors;
using Steward.Governance.Inventory;
using Steward.Governance.Paging;
using Steward.Governance.Tickets;
using Steward.Server.Auth;
using Steward.Server.Dashboard.Layout;
using Steward.Server.Dashboard.Rendering;

namespace Steward.Server.Dashboard.Tickets;

/// <summary><c>/ui/tickets</c>: tickets filtered by status and system, and the delivery backlog of their mirrors.</summary>
internal static class TicketsEndpoints
{
    public const int DefaultLimit = 25;

    public static void MapTicketPages(this RouteGroupBuilder ui) =>
        ui.MapGet("/tickets", Render).RequireAuthorization(AuthExtensions.Read);

    private static async Task<ContentHttpResult> Render(HttpContext context, TicketStore tickets, TicketOutboxStore outbox, SystemStore systems, TicketMirrorTargets mirror)
    {
        var ct = context.RequestAborted;
        var request = PageRequest.From(context.Request, DefaultLimit);
        var errors = request.Errors.ToList();
        var filter = TicketFilter.From(context.Request, errors);
        Page<Ticket>? page = null;
        try
        {
            page = await tickets.ListAsync(filter.SystemId, filter.Status, request.Cursor, request.Limit, ct);
        }
        catch (ValidationFailedException e)
        {
            errors.AddRange(e.Errors.SelectMany(f => f.Value).Select(m => $"The page link is not valid ({m}). Start again from the first page."));
        }
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in (page?.Items.Select(t => t.SystemId) ?? []).Append(filter.SystemId).OfType<string>().Distinct(StringComparer.Ordinal))
            names[id] = (await systems.FindAsync(id, ct))?.Name ?? id;
        var backlog = await outbox.BacklogAsync(50, ct);
        var main = TicketsPage.Render(page, backlog, mirror.Targets, filter, request, names, errors);
        return DashboardResults.Page(context, "Tickets", DashboardArea.Tickets, main,
            page is null ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }
}

/// <summary>The filters of the page (<c>?status=open&amp;system_id=...</c>).</summary>
internal sealed record TicketFilter(string? Status, string? SystemId)
{
    public static TicketFilter From(HttpRequest request, List<string> errors)
    {
        var status = request.Query["status"].ToString();
        if (status.Length > 0 && !Ticket.Statuses.Contains(status))
        {
            errors.Add($"The status filter must be one of {string.Join(", ", Ticket.Statuses)}; showing all statuses.");
            status = "";
        }
        var system = request.Query["system_id"].ToString().Trim();
        if (system.Length > 100 || system.Any(char.IsControl))
        {
            errors.Add("The system filter must be a system id; showing all systems.");
            system = "";
        }
        return new TicketFilter(status.Length == 0 ? null : status, system.Length == 0 ? null : system);
    }

    public string Url(string? cursor = null, string? limit = null) =>
        UiUrl.With("/ui/tickets", ("status", Status), ("system_id", SystemId), ("cursor", cursor), ("limit", limit));
}
